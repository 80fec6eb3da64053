import type { ListSpec } from '../common/rest/list-query';

const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const API_KEY_LIST: ListSpec = {
  resource: 'api-keys',
  sortable: ['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'],
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    scopes: { kind: 'tags' },
    createdById: { kind: 'uuid', allowMe: true },
    createdAt: { kind: 'date', range: true },
  },
  // a tenant has a handful of keys: a sequential ILIKE is fine
  search: (q) => ({ $or: [{ name: { $ilike: contains(q) } }, { prefix: { $ilike: contains(q) } }] }),
};
