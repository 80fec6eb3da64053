import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { currentTenantId, MissingTenantError } from './tenant.filter';

/** A class may allow rows with no tenant (a super admin's user row) by declaring this static flag. */
export interface TenantOptional {
  allowsNoTenant?: (entity: unknown) => boolean;
}

/** Sets tenantId on every new tenant-scoped row from the EntityManager's tenant, never from input. */
export class TenantSubscriber implements EventSubscriber {
  async beforeCreate(args: EventArgs<Record<string, unknown>>): Promise<void> {
    if (!args.meta.properties['tenantId' as never]) return;
    const entity = args.entity;
    const cls = entity.constructor as TenantOptional;
    if (entity.tenantId === null && cls.allowsNoTenant?.(entity)) return;
    const tenantId = currentTenantId(args.em);
    if (!tenantId) throw new MissingTenantError();
    if (entity.tenantId && entity.tenantId !== tenantId) {
      throw new Error(`Refusing to write a ${args.meta.className} into another tenant`);
    }
    entity.tenantId = tenantId;
  }
}
