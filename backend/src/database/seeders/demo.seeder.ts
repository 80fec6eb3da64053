import type { EntityManager } from '@mikro-orm/postgresql';
import { hash } from '@node-rs/argon2';
import { Tenant } from '../../tenants/tenant.entity';
import { User } from '../../users/user.entity';
import { forkForTenant } from '../tenant.filter';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TENANTS, SUPER_ADMIN } from './demo-data';
import { seedDemoLeads } from '../../leads/leads.seed';
import { seedDemoTickets } from '../../tickets/tickets.seed';
import { seedDemoCalls } from '../../calls/calls.seed';
import { seedDemoSla } from '../../sla/sla.seed';

/** One step of the demo seed, run per demo tenant with a tenant-scoped EntityManager. */
export type TenantSeedStep = (em: EntityManager, tenant: Tenant, log: (m: string) => void) => Promise<void>;

/** Later modules append their steps here (tickets, calls, SLA …). */
export const DEMO_TENANT_STEPS: TenantSeedStep[] = [seedDemoLeads, seedDemoTickets, seedDemoCalls, seedDemoSla];

/** Seeds DESIGN.md §9: two demo tenants with their staff, and the super admin. */
export async function seedDemo(em: EntityManager, log: (m: string) => void): Promise<void> {
  log('Seeding demo data …');
  const passwordHash = await hash(DEMO_PASSWORD);
  em.create(User, { tenantId: null, name: SUPER_ADMIN.name, email: SUPER_ADMIN.email, role: 'super_admin', passwordHash });
  await em.flush();
  for (const spec of DEMO_TENANTS) {
    const tenant = em.create(Tenant, { name: spec.name, slug: spec.slug, timezone: spec.timezone, defaultCountry: spec.defaultCountry });
    await em.flush();
    const tem = forkForTenant(em, tenant.id);
    for (const staff of DEMO_STAFF) {
      tem.create(User, {
        tenantId: tenant.id,
        name: staff.names[spec.slug],
        email: `${staff.local}@${spec.emailDomain}`,
        role: staff.role,
        passwordHash,
      });
    }
    await tem.flush();
    for (const step of DEMO_TENANT_STEPS) await step(forkForTenant(em, tenant.id), tenant, log);
    log(`  ${spec.name}: ${DEMO_STAFF.length} users`);
  }
}
