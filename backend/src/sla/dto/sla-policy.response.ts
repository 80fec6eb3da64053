import { ApiProperty } from '@nestjs/swagger';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority, type TicketStatus } from '@callpro/contracts';
import { OPEN_TICKET_STATUSES } from '../sla-state';
import type { SlaPolicy } from '../sla-policy.entity';

export class SlaPolicyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  name!: string;
  /** Matching order, ascending: the first active match wins. */
  @ApiProperty({ type: 'integer' })
  position!: number;
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority', isArray: true })
  priorities!: TicketPriority[];
  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel', isArray: true })
  channels!: TicketChannel[];
  tags!: string[];
  @ApiProperty({ type: 'integer', nullable: true })
  firstResponseMinutes!: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  nextResponseMinutes!: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  resolutionMinutes!: number | null;
  @ApiProperty({ type: [Number] })
  warnAtPercent!: number[];
  @ApiProperty({ enum: OPEN_TICKET_STATUSES, enumName: 'SlaPauseStatus', isArray: true })
  pauseStatuses!: TicketStatus[];
  /** null = 24/7. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  calendarId!: string | null;
  active!: boolean;
  /** Send it back with PUT (or as If-Match); also the ETag. */
  @ApiProperty({ type: 'integer' })
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;

  static from(p: SlaPolicy): SlaPolicyResponse {
    const { id, tenantId, name, position, priorities, channels, tags, firstResponseMinutes, nextResponseMinutes, resolutionMinutes } = p;
    const { warnAtPercent, pauseStatuses, calendarId, active, version, createdAt, updatedAt } = p;
    return Object.assign(new SlaPolicyResponse(), {
      id, tenantId, name, position, priorities, channels, tags, firstResponseMinutes, nextResponseMinutes, resolutionMinutes,
      warnAtPercent, pauseStatuses, calendarId, active, version, createdAt, updatedAt,
    });
  }
}
