import { ROLES, type Role } from '@callpro/contracts';
import { asSubject, type AppAbility } from '@callpro/permissions';

/**
 * Roles this session may give a user: on create, those it may create; on edit, those the user may
 * be changed to (the rules check the row as it would be after the change). super_admin is never
 * offered: super admins belong to no tenant, and the users resource is a tenant's staff.
 */
export function assignableRoles(ability: AppAbility, record?: { id: string; role: Role }): Role[] {
  return ROLES.filter((role) => role !== 'super_admin').filter((role) =>
    record
      ? ability.can('update', asSubject('User', { ...record, role }), 'role')
      : ability.can('create', asSubject('User', { role })),
  );
}

export const USER_EDIT_FIELDS = ['name', 'email', 'phone', 'role', 'active', 'password'] as const;
export type UserEditField = (typeof USER_EDIT_FIELDS)[number];

/** Which fields of `record` this session may change (an agent on their own row: name, phone, password). */
export function editableUserFields(ability: AppAbility, record: { id: string; role: Role }): Set<UserEditField> {
  const row = asSubject('User', { ...record });
  return new Set(USER_EDIT_FIELDS.filter((field) => ability.can('update', row, field)));
}
