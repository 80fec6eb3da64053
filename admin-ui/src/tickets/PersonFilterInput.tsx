import { AutocompleteInput, useGetList } from 'react-admin';
import type { UserRecord } from '../users/types';
import { NOBODY } from './nobodyFilter';

/** The API's largest page: pickers list up to this many active users. */
const MAX_USERS = 1000;

/** Active users of the tenant, by name: assignee and owner choices. */
export function useActiveUsers() {
  return useGetList<UserRecord>('users', {
    pagination: { page: 1, perPage: MAX_USERS },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true },
  });
}

/**
 * Filter by a person field (assignee, owner): "Me", nobody, or an active user. Not a
 * ReferenceInput, because "me" and "none" are filter values but not user ids.
 */
export const PersonFilterInput = ({ source, label, nobodyLabel }: { source: string; label: string; nobodyLabel: string; alwaysOn?: boolean }) => {
  const { data = [], isPending } = useActiveUsers();
  const choices = [{ id: 'me', name: 'Me' }, { id: NOBODY, name: nobodyLabel }, ...data.map((u) => ({ id: u.id, name: u.name }))];
  return <AutocompleteInput source={source} label={label} choices={choices} isPending={isPending} sx={{ minWidth: 220 }} />;
};
