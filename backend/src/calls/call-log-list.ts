import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_SOURCES, CALL_STATUSES } from '@callpro/contracts';
import type { ListSpec } from '../common/rest/list-query';
import { LEAD_MATCHES } from './call-log.entity';

const MIN_DIGITS = 2;

/**
 * The E.164 prefixes a typed number may stand for: `+49 30…`/`0049 30…` as written; a national
 * `030…` with the tenant's calling code instead of the trunk 0; bare digits both as written and
 * after the tenant's calling code. Empty when `q` is not number-like.
 */
export function numberPrefixes(q: string, defaultCountry: string | null | undefined): string[] {
  const text = q.trim();
  if (!/^[+\d\s()./-]+$/.test(text)) return [];
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS) return [];
  if (text.startsWith('+')) return [`+${digits}`];
  if (digits.startsWith('00')) return [`+${digits.slice(2)}`];
  const cc = defaultCountry && isSupportedCountry(defaultCountry) ? getCountryCallingCode(defaultCountry as CountryCode) : null;
  if (digits.startsWith('0')) return cc ? [`+${cc}${digits.slice(1)}`] : [];
  return cc && !digits.startsWith(cc) ? [`+${digits}`, `+${cc}${digits}`] : [`+${digits}`];
}

/** `q`: a prefix match on either number (served by the text_pattern_ops indexes); nothing matches a non-number. */
export function callSearch(defaultCountry: string | null | undefined) {
  return (q: string): Record<string, unknown> => {
    const prefixes = numberPrefixes(q, defaultCountry);
    // digits only, so no LIKE wildcards can be in them
    const like = prefixes.map((p) => `${p}%`);
    if (like.length === 0) return { id: null };
    return { $or: like.flatMap((p) => [{ fromNumber: { $like: p } }, { toNumber: { $like: p } }]) };
  };
}

export const CALL_LOG_LIST: ListSpec = {
  resource: 'call-logs',
  sortable: [
    'id', 'startedAt', 'endedAt', 'talkSeconds', 'ringSeconds', 'wrapUpSeconds', 'direction', 'status', 'outcome',
    'fromNumber', 'toNumber', 'agentId', 'disposition', 'createdAt', 'updatedAt',
  ],
  defaultSort: ['startedAt', 'DESC'],
  filters: {
    direction: { kind: 'enum', values: CALL_DIRECTIONS },
    status: { kind: 'enum', values: CALL_STATUSES },
    outcome: { kind: 'enum', values: CALL_OUTCOMES },
    source: { kind: 'enum', values: CALL_SOURCES },
    leadMatch: { kind: 'enum', values: LEAD_MATCHES },
    agentId: { kind: 'uuid', allowMe: true },
    leadId: { kind: 'uuid' },
    ticketId: { kind: 'uuid' },
    externalId: { kind: 'string' },
    disposition: { kind: 'string' },
    startedAt: { kind: 'date', range: true },
    talkSeconds: { kind: 'number', range: true },
  },
  search: callSearch(null),
};

/** The list spec with `q` read against the tenant's calling code. */
export function callLogListFor(defaultCountry: string): ListSpec {
  return { ...CALL_LOG_LIST, search: callSearch(defaultCountry) };
}
