import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { IconButton, Stack, Tooltip } from '@mui/material';
import type { MouseEvent } from 'react';
import { useListContext, useRecordContext, type RaRecord } from 'react-admin';
import { moveInOrder } from './reorder';

export interface MoveButtonsProps<T extends RaRecord & { name: string }> {
  /** Called with the whole list in its new display order. */
  onMove: (order: T[]) => void;
  busy: boolean;
}

/**
 * Up and down arrows for a row of a list shown whole, in display order (a DataTable column). How
 * the new order is saved is the caller's: one PUT per changed row, or one reorder request.
 */
export const MoveButtons = <T extends RaRecord & { name: string }>({ onMove, busy }: MoveButtonsProps<T>) => {
  const record = useRecordContext<T>();
  const { data = [] } = useListContext<T>();
  if (!record) return null;
  const index = data.findIndex((row) => row.id === record.id);
  const move = (delta: number) => (event: MouseEvent) => {
    event.stopPropagation();
    const order = moveInOrder(data, index, delta);
    if (order) onMove(order);
  };
  return (
    <Stack direction="row">
      <Tooltip title="Move up">
        <span>
          <IconButton size="small" aria-label={`Move ${record.name} up`} disabled={busy || index <= 0} onClick={move(-1)}>
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Move down">
        <span>
          <IconButton size="small" aria-label={`Move ${record.name} down`} disabled={busy || index < 0 || index >= data.length - 1} onClick={move(1)}>
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
};
