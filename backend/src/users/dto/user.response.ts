import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@callpro/contracts';
import type { User } from '../user.entity';

/** A user as the API shows it: never the password hash or the token version. */
export class UserResponse {
  id!: string;
  /** Null only for super admins. */
  tenantId!: string | null;
  name!: string;
  email!: string;
  phone!: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;
  /** Inactive users cannot log in; users are deactivated, never deleted. */
  active!: boolean;
  lastLoginAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  static from(user: User): UserResponse {
    const { id, tenantId, name, email, phone, role, active, lastLoginAt, createdAt, updatedAt } = user;
    return Object.assign(new UserResponse(), { id, tenantId, name, email, phone, role, active, lastLoginAt, createdAt, updatedAt });
  }
}
