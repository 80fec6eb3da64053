import { defineAbilityFor } from './ability';
import { abilityFromPackedRules, packAbilityRules, type PackedRules } from './pack';
import { ACTIONS, SUBJECTS, asSubject, type AppAbility } from './subjects';
import { FOREIGN_RECORD, NOW, OWN_RECORD, PRINCIPALS, SELF, minutesAgo, type Who } from './testing/fixtures';

/** Every decision the matrix spec looks at, plus field-level ones. */
function decisions(ability: AppAbility, records: typeof OWN_RECORD[] = [OWN_RECORD, FOREIGN_RECORD]) {
  return SUBJECTS.flatMap((s) =>
    ACTIONS.flatMap((a) => [
      ability.can(a, s),
      ...records.map((r) => ability.can(a, asSubject(s, { ...r[s] }))),
      ...['name', 'role'].map((f) => ability.can(a, asSubject(s, { ...OWN_RECORD[s] }), f)),
    ]),
  );
}

/** What GET /auth/me does to the rules on their way to the UI. */
const overTheWire = (packed: PackedRules): PackedRules => JSON.parse(JSON.stringify(packed));

/** Records as the UI holds them: parsed JSON, timestamps as ISO strings. */
const asJson = (records: typeof OWN_RECORD) => JSON.parse(JSON.stringify(records)) as typeof OWN_RECORD;

describe('packAbilityRules / abilityFromPackedRules', () => {
  it.each(Object.keys(PRINCIPALS) as Who[])('%s: the unpacked ability decides as the original', (who) => {
    const original = defineAbilityFor(PRINCIPALS[who], NOW);
    const rebuilt = abilityFromPackedRules(overTheWire(packAbilityRules(original)));
    expect(decisions(rebuilt)).toEqual(decisions(original));
    expect(decisions(rebuilt, [asJson(OWN_RECORD), asJson(FOREIGN_RECORD)])).toEqual(decisions(original));
  });

  it('keeps the agent note window across JSON', () => {
    const rebuilt = abilityFromPackedRules(overTheWire(packAbilityRules(defineAbilityFor(PRINCIPALS.agent, NOW))));
    const note = (createdAt: Date | string) => asSubject('TicketNote', { authorId: SELF, createdAt });
    expect(rebuilt.can('update', note(minutesAgo(14)))).toBe(true);
    expect(rebuilt.can('update', note(minutesAgo(14).toISOString()))).toBe(true);
    expect(rebuilt.can('update', note(minutesAgo(16)))).toBe(false);
    expect(rebuilt.can('update', note(minutesAgo(16).toISOString()))).toBe(false);
  });

  it('is compact: arrays, not rule objects', () => {
    const packed = packAbilityRules(defineAbilityFor(PRINCIPALS.agent, NOW));
    expect(packed.every(Array.isArray)).toBe(true);
  });
});
