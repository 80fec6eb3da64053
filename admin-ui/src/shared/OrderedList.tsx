import type { ReactElement, ReactNode } from 'react';
import { DataTable, List, type RaRecord } from 'react-admin';
import { ListLoadError } from '../tickets/LoadError';
import { MoveButtons } from './MoveButtons';

/** The API's largest page: the whole list on one page, so that it can be reordered as a whole. */
const ALL = 1000;

type Ordered = RaRecord & { name: string; active: boolean };

export interface OrderedListProps<T extends Ordered> {
  /** The user may edit rows (a row click opens the edit page) and reorder them. */
  manage: boolean;
  /** Called with the whole list in its new display order. */
  onMove: (order: T[]) => void;
  /** A move is being saved: the arrows are disabled. */
  busy: boolean;
  empty: ReactElement;
  errorTitle: string;
  /** The list's top toolbar; false for none. */
  actions?: false;
  /** The columns before the "Order" one. */
  children: ReactNode;
}

/**
 * A list shown whole, by `position`, with up/down arrows for those who manage it; inactive rows
 * are dimmed. How a new order is saved is the caller's (`onMove`).
 */
export const OrderedList = <T extends Ordered>({ manage, onMove, busy, empty, errorTitle, actions, children }: OrderedListProps<T>) => (
  <List
    sort={{ field: 'position', order: 'ASC' }}
    perPage={ALL}
    pagination={false}
    empty={empty}
    error={<ListLoadError title={errorTitle} />}
    exporter={false}
    actions={actions}
  >
    <DataTable<T> rowClick={manage ? 'edit' : false} bulkActionButtons={false} rowSx={(row) => (row.active ? {} : { opacity: 0.6 })}>
      {children}
      {manage && (
        <DataTable.Col label="Order" disableSort>
          <MoveButtons<T> onMove={onMove} busy={busy} />
        </DataTable.Col>
      )}
    </DataTable>
  </List>
);
