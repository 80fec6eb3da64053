import ListAltIcon from '@mui/icons-material/ListAlt';
import { useMutation } from '@tanstack/react-query';
import { BooleanField, DataTable, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { useSession } from '../providers/useSession';
import { OrderedList } from '../shared/OrderedList';
import { positionChanges, type PositionChange } from '../shared/reorder';
import type { DispositionRecord } from './types';
import { ListEmpty } from '../shared/ListEmpty';

const DispositionsEmpty = () => (
  <ListEmpty icon={ListAltIcon} title="No dispositions yet" createLabel="Add the first disposition">
    Dispositions are what agents record about a call once it ends, such as “Sale” or “Call back later”.
  </ListEmpty>
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
    <OrderedList<DispositionRecord>
      manage={manage}
      onMove={(order) => reorder.mutate(positionChanges(order))}
      busy={reorder.isPending}
      empty={<DispositionsEmpty />}
      errorTitle="The dispositions could not be loaded."
    >
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </OrderedList>
  );
};
