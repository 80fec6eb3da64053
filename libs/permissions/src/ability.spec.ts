import { ROLES, type ApiKeyScope, type Role } from '@callpro/contracts';
import { defineAbilityFor } from './ability';
import type { Principal } from './principal';
import { ACTIONS, SUBJECTS, asSubject, type Action, type AppAbility, type SubjectName } from './subjects';
import { FOREIGN_RECORD, NOW, OTHER, OTHER_TENANT, OWN_RECORD, PRINCIPALS, SELF, TENANT, minutesAgo, type Who } from './testing/fixtures';

/**
 * DESIGN.md §3 as a table. Columns: manage read create update delete.
 *   UPPER CASE  allowed on any record
 *   lower case  allowed only on the principal's own record (OWN_RECORD), not on FOREIGN_RECORD
 *   -           denied
 */
const EXPECTED: Record<Who, Record<SubjectName, string>> = {
  //                    MRCUD
  super_admin: {
    Tenant:           'MRCUD',
    User:             'MRCUD',
    SlaPolicy:        'MRCUD',
    BusinessCalendar: 'MRCUD',
    ApiKey:           'MRCUD',
    Ticket:           'MRCUD',
    TicketNote:       'MRCUD',
    CallLog:          'MRCUD',
    Lead:             'MRCUD',
    Disposition:      'MRCUD',
    Analytics:        'MRCUD',
    Notification:     'MRCUD',
    AuditEvent:       'MRCUD',
    SlaEvent:         'MRCUD',
  },
  org_admin: {
    Tenant:           '-r-u-',
    User:             'MRcud', // foreign record is a super_admin
    SlaPolicy:        'MRCUD',
    BusinessCalendar: 'MRCUD',
    ApiKey:           'MRCUD',
    Ticket:           'MRCUD',
    TicketNote:       'MRCUD',
    CallLog:          'MRCUD',
    Lead:             'MRCUD',
    Disposition:      'MRCUD',
    Analytics:        '-R---',
    Notification:     '-r-u-',
    AuditEvent:       '-R---',
    SlaEvent:         '-R---',
  },
  supervisor: {
    Tenant:           '-r---',
    User:             '-R---',
    SlaPolicy:        '-R---',
    BusinessCalendar: '-R---',
    ApiKey:           '-----',
    Ticket:           'MRCUD',
    TicketNote:       'MRCUD',
    CallLog:          'MRCU-',
    Lead:             'MRCUD',
    Disposition:      '-R---',
    Analytics:        '-R---',
    Notification:     '-r-u-',
    AuditEvent:       '-R---',
    SlaEvent:         '-R---',
  },
  agent: {
    Tenant:           '-r---',
    User:             '-R-u-',
    SlaPolicy:        '-R---',
    BusinessCalendar: '-R---',
    ApiKey:           '-----',
    Ticket:           '-RCu-',
    TicketNote:       '-RCud',
    CallLog:          '-rcu-',
    Lead:             '-RCu-',
    Disposition:      '-R---',
    Analytics:        '-r---',
    Notification:     '-r-u-',
    AuditEvent:       '-----',
    SlaEvent:         '-R---',
  },
  'apiKey[all scopes]': {
    Tenant:           '-----',
    User:             '-----',
    SlaPolicy:        '-----',
    BusinessCalendar: '-----',
    ApiKey:           '-----',
    Ticket:           '-RCU-',
    TicketNote:       '-RC--',
    CallLog:          '-RCU-',
    Lead:             '-RCU-',
    Disposition:      '-----',
    Analytics:        '-R---',
    Notification:     '-----',
    AuditEvent:       '-----',
    SlaEvent:         '-----',
  },
  'apiKey[tickets:read]': {
    Tenant:           '-----',
    User:             '-----',
    SlaPolicy:        '-----',
    BusinessCalendar: '-----',
    ApiKey:           '-----',
    Ticket:           '-R---',
    TicketNote:       '-R---',
    CallLog:          '-----',
    Lead:             '-----',
    Disposition:      '-----',
    Analytics:        '-----',
    Notification:     '-----',
    AuditEvent:       '-----',
    SlaEvent:         '-----',
  },
  'apiKey[]': {
    Tenant:           '-----',
    User:             '-----',
    SlaPolicy:        '-----',
    BusinessCalendar: '-----',
    ApiKey:           '-----',
    Ticket:           '-----',
    TicketNote:       '-----',
    CallLog:          '-----',
    Lead:             '-----',
    Disposition:      '-----',
    Analytics:        '-----',
    Notification:     '-----',
    AuditEvent:       '-----',
    SlaEvent:         '-----',
  },
};

const rec = (subject: SubjectName, record: object) => asSubject(subject, { ...record });

const cells = (Object.keys(EXPECTED) as Who[]).flatMap((who) =>
  SUBJECTS.flatMap((subject) =>
    ACTIONS.map((action, i) => ({ who, subject, action, cell: EXPECTED[who][subject][i] })),
  ),
);

describe('defineAbilityFor: role × subject × action matrix (DESIGN.md §3)', () => {
  const abilities = Object.fromEntries(
    Object.entries(PRINCIPALS).map(([who, p]) => [who, defineAbilityFor(p, NOW)]),
  ) as Record<Who, AppAbility>;

  it('covers every subject with exactly one column per action', () => {
    for (const row of Object.values(EXPECTED)) {
      expect(Object.keys(row).sort()).toEqual([...SUBJECTS].sort());
      for (const cell of Object.values(row)) expect(cell).toMatch(/^[-Mm][-Rr][-Cc][-Uu][-Dd]$/);
    }
  });

  it.each(cells)('$who $action $subject: "$cell"', ({ who, subject, action, cell }) => {
    const ability = abilities[who];
    const some = cell !== '-';
    const any = some && cell === cell.toUpperCase();
    expect({
      type: ability.can(action, subject),
      own: ability.can(action, rec(subject, OWN_RECORD[subject])),
      foreign: ability.can(action, rec(subject, FOREIGN_RECORD[subject])),
    }).toEqual({ type: some, own: some, foreign: any });
  });
});

type Case = [label: string, action: Action, subject: SubjectName, record: object, expected: boolean, field?: string];

function checkCases(who: Who, cases: Case[]) {
  const ability = defineAbilityFor(PRINCIPALS[who], NOW);
  const rows = cases.map(([label, action, subject, record, expected, field]) => ({ label, action, subject, record, expected, field }));
  it.each(rows)(`${who}: $label`, ({ action, subject, record, expected, field }) => {
    expect(ability.can(action, rec(subject, record), field)).toBe(expected);
  });
}

describe('conditions, record by record', () => {
  describe('agent', () =>
    checkCases('agent', [
      ['updates a ticket assigned to self', 'update', 'Ticket', { assigneeId: SELF }, true],
      ['updates an unassigned ticket', 'update', 'Ticket', { assigneeId: null }, true],
      ['does not update a ticket assigned to another agent', 'update', 'Ticket', { assigneeId: OTHER }, false],
      ['needs assigneeId on the record: missing is not "unassigned"', 'update', 'Ticket', {}, false],
      ['reads a ticket assigned to another agent', 'read', 'Ticket', { assigneeId: OTHER }, true],
      ['never deletes a ticket, even its own', 'delete', 'Ticket', { assigneeId: SELF }, false],
      ['updates own note written 5 min ago', 'update', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(5) }, true],
      ['updates own note written exactly 15 min ago', 'update', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(15) }, true],
      ['does not update own note written 16 min ago', 'update', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(16) }, false],
      ['deletes own note written 5 min ago', 'delete', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(5) }, true],
      ['does not delete own note written an hour ago', 'delete', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(60) }, false],
      ['does not update another agent\'s fresh note', 'update', 'TicketNote', { authorId: OTHER, createdAt: minutesAgo(1) }, false],
      ['compares an ISO-string createdAt as a time', 'update', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(5).toISOString() }, true],
      ['compares an old ISO-string createdAt as a time', 'update', 'TicketNote', { authorId: SELF, createdAt: minutesAgo(16).toISOString() }, false],
      ['creates a note on any ticket', 'create', 'TicketNote', { authorId: SELF, ticketId: 'ticket-2' }, true],
      ['reads own call log', 'read', 'CallLog', { agentId: SELF }, true],
      ['does not read another agent\'s call log', 'read', 'CallLog', { agentId: OTHER }, false],
      ['creates own call log', 'create', 'CallLog', { agentId: SELF }, true],
      ['does not create a call log for another agent', 'create', 'CallLog', { agentId: OTHER }, false],
      ['updates own call log (lifecycle re-sends, disposition and notes)', 'update', 'CallLog', { agentId: SELF }, true],
      ['does not update another agent\'s call log', 'update', 'CallLog', { agentId: OTHER }, false],
      ['never deletes a call log, even its own', 'delete', 'CallLog', { agentId: SELF }, false],
      ['updates own lead', 'update', 'Lead', { ownerId: SELF }, true],
      ['does not update another agent\'s lead', 'update', 'Lead', { ownerId: OTHER }, false],
      ['does not update an unowned lead', 'update', 'Lead', { ownerId: null }, false],
      ['reads another agent\'s lead', 'read', 'Lead', { ownerId: OTHER }, true],
      ['reads own analytics', 'read', 'Analytics', { agentId: SELF }, true],
      ['does not read another agent\'s analytics', 'read', 'Analytics', { agentId: OTHER }, false],
      ['reads own notification', 'read', 'Notification', { userId: SELF }, true],
      ['marks own notification read', 'update', 'Notification', { userId: SELF }, true],
      ['does not read another user\'s notification', 'read', 'Notification', { userId: OTHER }, false],
      ['reads own tenant', 'read', 'Tenant', { id: TENANT }, true],
      ['does not read another tenant', 'read', 'Tenant', { id: OTHER_TENANT }, false],
    ]));

  describe('agent, field level', () =>
    checkCases('agent', [
      ['updates own name', 'update', 'User', { id: SELF, role: 'agent' }, true, 'name'],
      ['updates own password', 'update', 'User', { id: SELF, role: 'agent' }, true, 'password'],
      ['updates own phone', 'update', 'User', { id: SELF, role: 'agent' }, true, 'phone'],
      ['does not update own role', 'update', 'User', { id: SELF, role: 'agent' }, false, 'role'],
      ['does not update own email', 'update', 'User', { id: SELF, role: 'agent' }, false, 'email'],
      ['does not update own tenantId', 'update', 'User', { id: SELF, role: 'agent' }, false, 'tenantId'],
      ['does not update another user\'s name', 'update', 'User', { id: OTHER, role: 'agent' }, false, 'name'],
    ]));

  describe('org_admin', () =>
    checkCases('org_admin', [
      ['creates an agent', 'create', 'User', { role: 'agent' }, true],
      ['creates an org_admin', 'create', 'User', { role: 'org_admin' }, true],
      ['does not create a super_admin', 'create', 'User', { role: 'super_admin' }, false],
      ['does not promote to super_admin (row as it would be after the change)', 'update', 'User', { id: OTHER, role: 'super_admin' }, false],
      ['changes a user\'s role', 'update', 'User', { id: OTHER, role: 'agent' }, true, 'role'],
      ['reads a super_admin', 'read', 'User', { id: OTHER, role: 'super_admin' }, true],
      ['does not delete a super_admin', 'delete', 'User', { id: OTHER, role: 'super_admin' }, false],
      ['updates own tenant', 'update', 'Tenant', { id: TENANT }, true],
      ['does not update another tenant', 'update', 'Tenant', { id: OTHER_TENANT }, false],
      ['does not create a tenant', 'create', 'Tenant', { id: OTHER_TENANT }, false],
      ['does not read another user\'s notification', 'read', 'Notification', { userId: OTHER }, false],
      ['updates another agent\'s old note', 'update', 'TicketNote', { authorId: OTHER, createdAt: minutesAgo(600) }, true],
    ]));

  describe('supervisor', () =>
    checkCases('supervisor', [
      ['reads another agent\'s call log', 'read', 'CallLog', { agentId: OTHER }, true],
      ['updates a ticket assigned to anyone', 'update', 'Ticket', { assigneeId: OTHER }, true],
      ['deletes a ticket', 'delete', 'Ticket', { assigneeId: OTHER }, true],
      ['does not update a user', 'update', 'User', { id: SELF, role: 'supervisor' }, false],
      ['does not read another user\'s notification', 'read', 'Notification', { userId: OTHER }, false],
    ]));

  describe('API key with every scope', () =>
    checkCases('apiKey[all scopes]', [
      ['reads any call log', 'read', 'CallLog', { agentId: OTHER }, true],
      ['creates a call log for any agent', 'create', 'CallLog', { agentId: OTHER }, true],
      ['updates any lead', 'update', 'Lead', { ownerId: OTHER }, true],
      ['does not delete a ticket', 'delete', 'Ticket', { assigneeId: null }, false],
      ['does not update a note', 'update', 'TicketNote', { authorId: OTHER, createdAt: minutesAgo(1) }, false],
    ]));
});

describe('API key scopes, one at a time', () => {
  const GRANTS: Record<ApiKeyScope, string[]> = {
    'tickets:read': ['read Ticket', 'read TicketNote'],
    'tickets:write': ['create Ticket', 'update Ticket', 'read TicketNote', 'create TicketNote'],
    'calls:read': ['read CallLog'],
    'calls:write': ['create CallLog', 'update CallLog'],
    'leads:read': ['read Lead'],
    'leads:write': ['create Lead', 'update Lead'],
    'analytics:read': ['read Analytics'],
  };

  it.each(Object.entries(GRANTS))('%s grants exactly %j', (scope, grants) => {
    const ability = defineAbilityFor({ kind: 'apiKey', keyId: 'k', tenantId: TENANT, scopes: [scope as ApiKeyScope] });
    const granted = SUBJECTS.flatMap((s) => ACTIONS.filter((a) => ability.can(a, s)).map((a) => `${a} ${s}`));
    expect(granted.sort()).toEqual([...grants].sort());
  });
});

describe('defineAbilityFor: invalid principals', () => {
  const user = (role: string, tenantId: string | null = TENANT) =>
    ({ kind: 'user', userId: SELF, tenantId, role: role as Role }) satisfies Principal;

  it.each(['root', 'Agent', '', 'toString', '__proto__', 'constructor'])('throws on unknown role %j', (role) => {
    expect(() => defineAbilityFor(user(role))).toThrow(/Unknown role/);
  });

  it('throws on an unknown API key scope', () => {
    const p = { kind: 'apiKey', keyId: 'k', tenantId: TENANT, scopes: ['tickets:delete' as ApiKeyScope] } satisfies Principal;
    expect(() => defineAbilityFor(p)).toThrow(/Unknown API key scope/);
  });

  it('throws on an unknown principal kind', () => {
    expect(() => defineAbilityFor({ kind: 'robot' } as unknown as Principal)).toThrow(/Unknown principal kind/);
  });

  it.each(ROLES.filter((r) => r !== 'super_admin'))('throws for a %s without a tenant', (role) => {
    expect(() => defineAbilityFor(user(role, null))).toThrow(/needs a tenantId/);
  });

  it('lets a super admin without a tenant manage everything (tenant scoping is the database layer\'s)', () => {
    expect(defineAbilityFor(user('super_admin', null)).can('manage', 'all')).toBe(true);
  });
});

describe('defineAbilityFor: time', () => {
  it('anchors the note edit window at the current time by default', () => {
    const ability = defineAbilityFor(PRINCIPALS.agent);
    const note = (createdAt: Date) => rec('TicketNote', { authorId: SELF, createdAt });
    expect(ability.can('update', note(new Date(Date.now() - 60_000)))).toBe(true);
    expect(ability.can('update', note(new Date(Date.now() - 20 * 60_000)))).toBe(false);
  });
});
