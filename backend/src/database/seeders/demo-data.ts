import type { Role } from '@callpro/contracts';

/** DESIGN.md §9: the demo tenants and logins. Used only by the demo seeder. */
export const DEMO_PASSWORD = 'callpro-demo';

export interface DemoTenant {
  name: string;
  slug: string;
  timezone: string;
  defaultCountry: string;
  emailDomain: string;
}

export const DEMO_TENANTS: DemoTenant[] = [
  { name: 'Acme Support', slug: 'acme', timezone: 'America/New_York', defaultCountry: 'US', emailDomain: 'acme.test' },
  { name: 'Globex Sales', slug: 'globex', timezone: 'Europe/Berlin', defaultCountry: 'DE', emailDomain: 'globex.test' },
];

export const DEMO_STAFF: { local: string; role: Role; names: Record<string, string> }[] = [
  { local: 'admin', role: 'org_admin', names: { acme: 'Olivia Martin', globex: 'Jonas Becker' } },
  { local: 'supervisor', role: 'supervisor', names: { acme: 'Marcus Reed', globex: 'Lena Fischer' } },
  { local: 'agent1', role: 'agent', names: { acme: 'Priya Shah', globex: 'Felix Wagner' } },
  { local: 'agent2', role: 'agent', names: { acme: 'Daniel Kim', globex: 'Sophie Schulz' } },
  { local: 'agent3', role: 'agent', names: { acme: 'Ava Johnson', globex: 'Lukas Hoffmann' } },
];

export const SUPER_ADMIN = { email: 'superadmin@callpro.dev', name: 'Sam Operator' };

export const DEMO_LOGINS: { email: string; role: Role }[] = [
  { email: SUPER_ADMIN.email, role: 'super_admin' },
  ...DEMO_TENANTS.flatMap((t) => DEMO_STAFF.map((s) => ({ email: `${s.local}@${t.emailDomain}`, role: s.role }))),
];
