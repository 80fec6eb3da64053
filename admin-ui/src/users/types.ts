import type { Role } from '@callpro/contracts';

/** A row of the users resource. */
export interface UserRecord {
  id: string;
  tenantId: string | null;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}
