import type { RawRuleOf } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import { createAppAbility } from './ability';
import type { AppAbility } from './subjects';

/** An ability's rules in CASL's compact, JSON-safe form (the `rules` of GET /auth/me). */
export type PackedRules = PackRule<RawRuleOf<AppAbility>>[];

export function packAbilityRules(ability: AppAbility): PackedRules {
  return packRules(ability.rules);
}

/** Rebuilds, e.g. in the UI, an ability that decides exactly as the packed one did. */
export function abilityFromPackedRules(packed: PackedRules): AppAbility {
  return createAppAbility(unpackRules(packed));
}
