import { canAccessResource, type AccessContext } from '../providers/canAccess';

/** Stands for "a user other than me" when asking whether a lead may be given to someone else. */
const SOMEONE_ELSE = '00000000-0000-4000-8000-000000000000';

/** Whether this session may make anyone (or nobody) a lead's owner; agents own only their own leads. */
export function canChooseLeadOwner(ctx: AccessContext): boolean {
  return canAccessResource(ctx, { action: 'edit', resource: 'leads', record: { ownerId: SOMEONE_ELSE } });
}
