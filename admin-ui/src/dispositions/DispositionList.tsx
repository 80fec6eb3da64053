import ListAltIcon from '@mui/icons-material/ListAlt';
import { Box, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { BooleanField, CreateButton, DataTable, List, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { useSession } from '../providers/useSession';
import { ListLoadError } from '../tickets/LoadError';
import { MoveButtons } from '../shared/MoveButtons';
import { positionChanges, type PositionChange } from '../shared/reorder';
import type { DispositionRecord } from './types';

/** The API's largest page: the whole list on one page, so that it can be reordered as a whole. */
const ALL = 1000;

const DispositionsEmpty = () => (
  <Box sx={{ textAlign: 'center', m: 6, flex: 1 }}>
    <ListAltIcon sx={{ fontSize: 64, color: 'text.disabled' }} />
    <Typography variant="h6" sx={{ my: 1 }}>
      No dispositions yet
    </Typography>
    <Typography color="text.secondary" sx={{ mb: 2 }}>
      Dispositions are what agents record about a call once it ends, such as “Sale” or “Call back later”.
    </Typography>
    <CreateButton variant="contained" label="Add the first disposition" />
  </Box>
);

/** One PUT per entry whose position changes. */
const useReorder = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (changes: PositionChange[]) => {
      for (const { id, position } of changes) await dataProvider.update<DispositionRecord>('dispositions', { id, data: { position }, previousData: { id } as DispositionRecord });
    },
    onError: (error: Error) => notify(error.message || 'The new order could not be saved', { type: 'error' }),
    // after a failure too: some of the PUTs may have gone through
    onSettled: () => refresh(),
  });
};

/** In display order; org admins add, edit and reorder, everyone else only reads. */
export const DispositionList = () => {
  const { ability } = useSession();
  const manage = ability?.can('update', 'Disposition') ?? false;
  const reorder = useReorder();
  return (
    <List
      sort={{ field: 'position', order: 'ASC' }}
      perPage={ALL}
      pagination={false}
      empty={<DispositionsEmpty />}
      error={<ListLoadError title="The dispositions could not be loaded." />}
      exporter={false}
    >
      <DataTable<DispositionRecord> rowClick={manage ? 'edit' : false} bulkActionButtons={false} rowSx={(d) => (d.active ? {} : { opacity: 0.6 })}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="active" field={BooleanField} disableSort />
        {manage && (
          <DataTable.Col label="Order" disableSort>
            <MoveButtons<DispositionRecord> onMove={(order) => reorder.mutate(positionChanges(order))} busy={reorder.isPending} />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};
