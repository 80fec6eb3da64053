import type { ListSpec } from '../common/rest/list-query';

const contains = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const DISPOSITION_LIST: ListSpec = {
  resource: 'dispositions',
  sortable: ['id', 'name', 'active', 'position', 'createdAt', 'updatedAt'],
  defaultSort: ['position', 'ASC'],
  filters: { active: { kind: 'boolean' }, name: { kind: 'string' } },
  // a short per-tenant list: a sequential ILIKE is fine
  search: (q) => ({ name: { $ilike: contains(q) } }),
};
