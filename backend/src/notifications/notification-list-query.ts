import { ValidationProblem } from '../common/errors/problem';
import { parseListQuery, type ListQuery, type RawListQuery } from '../common/rest/list-query';
import { NOTIFICATION_LIST } from './notifications.service';

/** Splits `read` off a raw filter: it is a condition on `readAt`, not a column of its own. */
function takeRead(rawFilter: string | undefined): { read?: boolean; rest?: string } {
  if (!rawFilter) return {};
  let filter: unknown;
  try {
    filter = JSON.parse(rawFilter);
  } catch {
    return { rest: rawFilter }; // parseListQuery reports it
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter) || !Object.hasOwn(filter, 'read')) return { rest: rawFilter };
  const { read, ...rest } = filter as Record<string, unknown>;
  if (typeof read !== 'boolean') throw new ValidationProblem({ 'filter.read': 'must be true or false' }, 'Invalid filter "read"');
  return { read, rest: JSON.stringify(rest) };
}

/** simple-rest list parameters for GET /notifications, with `filter={"read":false}` for unread ones. */
export function parseNotificationListQuery(raw: RawListQuery, rangeHeader?: string): ListQuery {
  const { read, rest } = takeRead(raw.filter);
  const query = parseListQuery({ ...raw, filter: rest }, NOTIFICATION_LIST, {}, rangeHeader);
  if (read === undefined) return query;
  const readCondition = { readAt: read ? { $ne: null } : null };
  return { ...query, where: Object.keys(query.where).length ? { $and: [query.where, readCondition] } : readCondition };
}
