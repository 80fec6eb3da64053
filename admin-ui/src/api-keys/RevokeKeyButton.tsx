import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useSession } from '../providers/useSession';
import type { ApiKeyRecord } from './types';

/**
 * Revokes the row's key after a confirmation. DELETE answers with the row (revokedAt set) and the
 * row stays listed as revoked, so this refreshes the list rather than letting react-admin's delete
 * drop the row from its cache.
 */
export const RevokeKeyButton = () => {
  const key = useRecordContext<ApiKeyRecord>();
  const { ability } = useSession();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: (record: ApiKeyRecord) => dataProvider.delete<ApiKeyRecord>('api-keys', { id: record.id, previousData: record }),
    onSuccess: (_result, record) => {
      setOpen(false);
      notify(`API key “${record.name}” revoked`, { type: 'success' });
      refresh();
    },
    onError: (error: Error) => {
      setOpen(false);
      notify(error.message || 'The key could not be revoked', { type: 'error' });
    },
  });
  if (!key || key.revokedAt || !ability?.can('delete', 'ApiKey')) return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<BlockIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        Revoke
      </Button>
      <Confirm
        isOpen={open}
        loading={revoke.isPending}
        title={`Revoke API key “${key.name}”?`}
        content="Integrations using this key are refused from now on. This cannot be undone: to restore access, create a new key."
        confirm="Revoke"
        confirmColor="warning"
        onConfirm={() => revoke.mutate(key)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
