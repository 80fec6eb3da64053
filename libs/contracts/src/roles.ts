export const ROLES = ['super_admin', 'org_admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes an API key may carry instead of a role. */
export const API_KEY_SCOPES = [
  'calls:write',
  'calls:read',
  'tickets:read',
  'tickets:write',
  'leads:read',
  'leads:write',
  'analytics:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
