import { Autocomplete, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import { useSwitchTenant } from './useSwitchTenant';
import type { TenantRecord } from '../tenants/types';

/** The API's largest page: the switcher lists up to this many tenants. */
const MAX_TENANTS_IN_SWITCHER = 1000;

/** The super admin's tenant choice, in the app bar. Clearing it leaves only the tenants screen. */
export const TenantSwitcher = ({ currentTenantId }: { currentTenantId: string | null }) => {
  const switchTenant = useSwitchTenant();
  const { data = [], isPending, error } = useGetList<TenantRecord>('tenants', {
    pagination: { page: 1, perPage: MAX_TENANTS_IN_SWITCHER },
    sort: { field: 'name', order: 'ASC' },
  });
  const current = data.find((t) => t.id === currentTenantId) ?? null;
  return (
    <Autocomplete
      size="small"
      sx={{ width: 260, mx: 1 }}
      options={data}
      value={current}
      loading={isPending}
      getOptionLabel={(t) => (t.active ? t.name : `${t.name} (inactive)`)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_event, tenant) => switchTenant(tenant?.id ?? null)}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="outlined"
          margin="none"
          placeholder={error ? 'Tenants could not be loaded' : 'Choose a tenant'}
          aria-label="Switch tenant"
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
        />
      )}
    />
  );
};
