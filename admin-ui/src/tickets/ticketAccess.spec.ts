import type { Role } from '@callpro/contracts';
import { sessionFromMe } from '../providers/session';
import { meFor, TENANT_ID, USER_ID } from '../providers/__tests__/me';
import { canAssignAnyone, ticketActions, transitionLabel } from './ticketAccess';
import type { TicketRecord } from './types';

const COLLEAGUE = '44444444-4444-4444-8444-444444444444';

const ticket = (overrides: Partial<TicketRecord> = {}): TicketRecord => ({
  id: '55555555-5555-4555-8555-555555555555',
  number: 1042,
  subject: 'Printer on fire',
  description: null,
  status: 'open',
  priority: 'normal',
  channel: 'phone',
  tags: [],
  requesterName: null,
  requesterPhone: null,
  requesterEmail: null,
  leadId: null,
  assigneeId: null,
  callLogId: null,
  firstRespondedAt: null,
  resolvedAt: null,
  closedAt: null,
  slaPolicyId: null,
  sla: null,
  slaNextDueAt: null,
  slaPausedSince: null,
  slaPausedMinutes: 0,
  version: 1,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...overrides,
});

const actionsFor = (role: Role, record: TicketRecord, tenantId: string | null = TENANT_ID) => {
  const { ability } = sessionFromMe(meFor(role, tenantId));
  return ticketActions({ ability, tenantId }, { id: USER_ID, role }, record);
};

describe('ticketActions', () => {
  it('lets an agent work on their own ticket: transitions, unassign, no delete, no handing it to others', () => {
    expect(actionsFor('agent', ticket({ assigneeId: USER_ID }))).toEqual({
      canEdit: true,
      canDelete: false,
      transitions: ['pending', 'resolved'],
      canTakeIt: false,
      canUnassign: true,
      canAssignOthers: false,
    });
  });

  it('lets an agent take an unassigned ticket', () => {
    const actions = actionsFor('agent', ticket({ assigneeId: null }));
    expect(actions).toMatchObject({ canEdit: true, canTakeIt: true, canUnassign: false, canAssignOthers: false });
  });

  it("locks a colleague's ticket for an agent: no status buttons, no assignment", () => {
    expect(actionsFor('agent', ticket({ assigneeId: COLLEAGUE }))).toEqual({
      canEdit: false,
      canDelete: false,
      transitions: [],
      canTakeIt: false,
      canUnassign: false,
      canAssignOthers: false,
    });
  });

  it('lets a supervisor do everything, including reopening a closed ticket and deleting', () => {
    const actions = actionsFor('supervisor', ticket({ status: 'closed', assigneeId: COLLEAGUE }));
    expect(actions).toEqual({ canEdit: true, canDelete: true, transitions: ['open'], canTakeIt: true, canUnassign: true, canAssignOthers: true });
  });

  it('does not offer an agent to reopen a closed ticket (contracts: supervisors and admins only)', () => {
    expect(actionsFor('agent', ticket({ status: 'closed', assigneeId: USER_ID })).transitions).toEqual([]);
  });

  it('allows nothing to a super admin who has not chosen a tenant', () => {
    expect(actionsFor('super_admin', ticket(), null)).toMatchObject({ canEdit: false, canDelete: false, transitions: [] });
  });
});

describe('canAssignAnyone', () => {
  it.each([
    ['agent', false],
    ['supervisor', true],
    ['org_admin', true],
  ] as const)('%s → %s', (role, expected) => {
    const { ability } = sessionFromMe(meFor(role));
    expect(canAssignAnyone({ ability, tenantId: TENANT_ID })).toBe(expected);
  });
});

describe('transitionLabel', () => {
  it('says Reopen when going back to open from resolved or closed, Open from new or pending', () => {
    expect(transitionLabel('resolved', 'open')).toBe('Reopen');
    expect(transitionLabel('closed', 'open')).toBe('Reopen');
    expect(transitionLabel('pending', 'open')).toBe('Open');
    expect(transitionLabel('open', 'resolved')).toBe('Resolve');
  });
});
