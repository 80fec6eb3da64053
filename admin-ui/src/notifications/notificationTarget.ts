/** What react-admin knows about a registered resource (from `useResourceDefinitions`). */
export interface ResourceViews {
  hasShow?: boolean;
  hasEdit?: boolean;
  hasList?: boolean;
}

/** Whether the user may open a view (react-admin's canAccess, with the record's id when there is one). */
export type MayOpen = (action: 'show' | 'edit' | 'list', resource: string, id?: string) => boolean;

/**
 * Where clicking a notification leads: the record's show page, or its edit page when the
 * resource has no show view (or the user may not open it), or the resource's list. Null when it
 * points nowhere, to a resource this UI does not have, or to nothing the user may open.
 */
export function notificationTarget(
  notification: { resource: string | null; resourceId: string | null },
  resources: Record<string, ResourceViews>,
  mayOpen: MayOpen = () => true,
): string | null {
  const { resource, resourceId } = notification;
  if (!resource || !Object.hasOwn(resources, resource)) return null;
  const views = resources[resource];
  if (resourceId) {
    const id = encodeURIComponent(resourceId);
    if (views.hasShow && mayOpen('show', resource, resourceId)) return `/${resource}/${id}/show`;
    if (views.hasEdit && mayOpen('edit', resource, resourceId)) return `/${resource}/${id}`;
  }
  return views.hasList && mayOpen('list', resource) ? `/${resource}` : null;
}
