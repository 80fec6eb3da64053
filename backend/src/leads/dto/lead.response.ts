import { ApiProperty } from '@nestjs/swagger';
import { LEAD_STATUSES, type LeadStatus } from '@callpro/contracts';
import type { Lead } from '../lead.entity';

/** A lead as the API shows it. */
export class LeadResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  name!: string;
  /** E.164. */
  phone!: string | null;
  email!: string | null;
  company!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES, enumName: 'LeadStatus' })
  status!: LeadStatus;
  source!: string | null;
  /** The responsible user; null = nobody yet. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId!: string | null;
  /** Time of the latest call with this lead. */
  lastContactedAt!: Date | null;
  /** Send it back with PUT (or as `If-Match`) to detect concurrent changes. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;

  static from(lead: Lead): LeadResponse {
    const { id, tenantId, name, phone, email, company, status, source, ownerId, lastContactedAt, version, createdAt, updatedAt } = lead;
    return Object.assign(new LeadResponse(), {
      id, tenantId, name, phone, email, company, status, source, ownerId, lastContactedAt, version, createdAt, updatedAt,
    });
  }
}
