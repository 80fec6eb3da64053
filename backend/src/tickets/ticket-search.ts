import { raw } from '@mikro-orm/core';

const MAX_PREFIX_TERMS = 8;
/** A token that looks like (part of) a phone number: digits and the usual separators. */
const PHONE_LIKE = /^\+?[\d()./-]*\d[\d()./-]*$/;

/**
 * A `to_tsquery('simple', …)` text that matches every word of `q` as a prefix ("refu" finds
 * "refund", "55501" finds the phone digits), keeping web-search negation (`-word`), or null when
 * there is nothing to add to the web-search query (no usable word, or "phrases" and `or`, which
 * only web search understands). Only letters and digits reach the query, each quoted, so no input
 * can inject tsquery operators.
 */
export function prefixQuery(q: string): string | null {
  if (q.includes('"') || /(^|\s)or(\s|$)/i.test(q)) return null;
  const terms: string[] = [];
  for (const token of q.split(/\s+/)) {
    const negated = token.startsWith('-');
    const text = negated ? token.slice(1) : token;
    const words = PHONE_LIKE.test(text) ? [text.replace(/\D/g, '')] : (text.match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const word of words.filter(Boolean).map((w) => w.toLowerCase())) {
      const term = negated ? `!'${word}'` : `'${word}':*`;
      if (!terms.includes(term)) terms.push(term);
    }
  }
  if (!terms.some((t) => !t.startsWith('!'))) return null;
  return terms.slice(0, MAX_PREFIX_TERMS).join(' & ');
}

/**
 * The `q` filter of GET /tickets: `#1042` is the ticket number; anything else is full-text over
 * number, subject, description and requester (web-search syntax: "phrases", -not, or) plus prefix
 * matching of each word. Served by the GIN index on `tickets.search`; the tenant filter still
 * applies because this is only a where-clause for em.find.
 */
export function ticketSearch(q: string): Record<string, unknown> {
  const byNumber = /^#\s*(\d{1,9})$/.exec(q);
  if (byNumber) return { number: Number(byNumber[1]) };
  const prefix = prefixQuery(q);
  const web = { [raw((alias) => `${alias}.search @@ websearch_to_tsquery('simple', ?)`, [q])]: [] };
  if (!prefix) return web;
  const partial = { [raw((alias) => `${alias}.search @@ to_tsquery('simple', ?)`, [prefix])]: [] };
  return { $or: [web, partial] };
}
