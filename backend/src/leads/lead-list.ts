import { LEAD_STATUSES } from '@callpro/contracts';
import type { ListSpec } from '../common/rest/list-query';
import { phoneDigits } from '../common/phone/phone';

const MAX_TERMS = 8;
const PHONE_LIKE = /^[+\d\s()./-]+$/;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * A phone-like term becomes its digits without leading zeros, so that a local (`030 1234567`),
 * international (`0049 30 …`, `+49 30 …`) or partial number finds the E.164 digits `49301234567`.
 */
function phoneTerm(term: string): string {
  const digits = phoneDigits(term);
  return digits.replace(/^0+/, '') || digits;
}

/** The search terms of `q`: the whole of it when it is one phone number, else its words. */
export function searchTerms(q: string): string[] {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  if (PHONE_LIKE.test(text) && phoneDigits(text).length >= 3) return [phoneTerm(text)];
  const words = text.split(/\s+/).slice(0, MAX_TERMS);
  return words.map((w) => (PHONE_LIKE.test(w) && /\d/.test(w) ? phoneTerm(w) : w));
}

/**
 * `q` over name, company, email and phone digits: every term must occur in the generated
 * `search_text` column, which has a trigram GIN index (used for terms of 3+ characters).
 */
export function leadSearch(q: string): Record<string, unknown> {
  const conditions = searchTerms(q).map((term) => ({ searchText: { $like: `%${likeEscape(term)}%` } }));
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

export const LEAD_LIST: ListSpec = {
  resource: 'leads',
  sortable: ['id', 'name', 'company', 'email', 'phone', 'status', 'source', 'ownerId', 'createdAt', 'updatedAt', 'lastContactedAt'],
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    status: { kind: 'enum', values: LEAD_STATUSES },
    ownerId: { kind: 'uuid', allowMe: true },
    source: { kind: 'string' },
    createdAt: { kind: 'date', range: true },
    updatedAt: { kind: 'date', range: true },
    lastContactedAt: { kind: 'date', range: true },
  },
  search: leadSearch,
};
