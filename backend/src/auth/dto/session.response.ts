import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@callpro/contracts';
import type { User } from '../../users/user.entity';

/** The logged-in user as login, refresh and /auth/me return it (never the password hash). */
export class SessionUserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null only for super admins' })
  tenantId!: string | null;
  @ApiProperty()
  name!: string;
  @ApiProperty({ format: 'email' })
  email!: string;
  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;
  @ApiProperty()
  active!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt!: Date | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: Date;

  static from(user: Pick<User, 'id' | 'tenantId' | 'name' | 'email' | 'phone' | 'role' | 'active' | 'lastLoginAt' | 'createdAt' | 'updatedAt'>): SessionUserResponse {
    const { id, tenantId, name, email, phone, role, active, lastLoginAt, createdAt, updatedAt } = user;
    return { id, tenantId, name, email, phone, role, active, lastLoginAt, createdAt, updatedAt };
  }
}

/** Answer of login and refresh. */
export class SessionResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`' })
  accessToken!: string;
  @ApiProperty({ description: 'Opaque token for POST /auth/refresh; single use' })
  refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', type: 'integer', example: 900 })
  expiresIn!: number;
  @ApiProperty({ type: SessionUserResponse })
  user!: SessionUserResponse;
}
