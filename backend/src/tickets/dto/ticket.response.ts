import { ApiProperty } from '@nestjs/swagger';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@callpro/contracts';
import { TicketSlaResponse } from '../../sla/dto/ticket-sla.response';
import type { Ticket } from '../ticket.entity';

export class TicketResponse {
  id!: string;
  /** Per-tenant ticket number, shown as #1001. */
  @ApiProperty({ type: 'integer' })
  number!: number;
  subject!: string;
  description!: string | null;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  status!: TicketStatus;
  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  priority!: TicketPriority;
  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  channel!: TicketChannel;
  tags!: string[];
  requesterName!: string | null;
  /** E.164. */
  requesterPhone!: string | null;
  requesterEmail!: string | null;
  leadId!: string | null;
  assigneeId!: string | null;
  /** The call this ticket came from. */
  callLogId!: string | null;
  /** First public staff note (or linked outbound call). */
  firstRespondedAt!: Date | null;
  resolvedAt!: Date | null;
  closedAt!: Date | null;
  /** The SLA policy in force (first matching active policy); null = none. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  slaPolicyId!: string | null;
  /** Its SLA metrics (status, due and met times); null without a policy. */
  @ApiProperty({ type: TicketSlaResponse, nullable: true })
  sla!: TicketSlaResponse | null;
  /** The nearest due time of a running SLA metric (sortable). */
  slaNextDueAt!: Date | null;
  /** Since when the SLA clocks are paused (a pause status such as pending), or null. */
  slaPausedSince!: Date | null;
  /** Business minutes spent paused so far. */
  slaPausedMinutes!: number;
  /** Send it back with PUT (or as If-Match); also the ETag. */
  @ApiProperty({ type: 'integer' })
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;

  static from(t: Ticket): TicketResponse {
    return Object.assign(new TicketResponse(), {
      id: t.id,
      number: t.number,
      subject: t.subject,
      description: t.description,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      tags: t.tags,
      requesterName: t.requesterName,
      requesterPhone: t.requesterPhone,
      requesterEmail: t.requesterEmail,
      leadId: t.leadId,
      assigneeId: t.assigneeId,
      callLogId: t.callLogId,
      firstRespondedAt: t.firstRespondedAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      slaPolicyId: t.slaPolicyId,
      sla: TicketSlaResponse.from(t.sla),
      slaNextDueAt: t.slaNextDueAt,
      slaPausedSince: t.slaPausedSince,
      slaPausedMinutes: t.slaPausedMinutes,
      version: t.version,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    });
  }
}
