import type { KeyValueStorage } from './tokenStore';
import { browserStorages } from './tokenStore';

export interface TenantChoice {
  /** The tenant a super admin acts on (sent as X-Tenant-Id), or null. */
  get(): string | null;
  set(tenantId: string): void;
  clear(): void;
}

const KEY = 'callpro.tenantId';

/**
 * A super admin's chosen tenant. localStorage remembers it for new tabs and the next visit; each tab
 * keeps its own copy in sessionStorage, so switching tenant in one tab never makes another tab,
 * still showing the old tenant's data, send its writes to the new tenant.
 */
export function createTenantChoice(storages: { session: () => KeyValueStorage; local: () => KeyValueStorage }): TenantChoice {
  return {
    get() {
      const own = storages.session().getItem(KEY);
      if (own) return own;
      const remembered = storages.local().getItem(KEY);
      if (remembered) storages.session().setItem(KEY, remembered);
      return remembered;
    },
    set(tenantId) {
      storages.session().setItem(KEY, tenantId);
      storages.local().setItem(KEY, tenantId);
    },
    clear() {
      storages.session().removeItem(KEY);
      storages.local().removeItem(KEY);
    },
  };
}

export const tenantChoice = createTenantChoice(browserStorages);
