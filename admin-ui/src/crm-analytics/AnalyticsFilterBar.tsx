import { MenuItem, Stack, TextField } from '@mui/material';
import type { AnalyticsInterval } from '../analytics-api';
import { useActiveUsers } from '../tickets/PersonFilterInput';
import { allowedIntervals, customFieldsFor, INTERVAL_LABELS, PRESET_LABELS, RANGE_PRESETS, type AnalyticsPageState, type RangePreset, type ResolvedPeriod } from './analyticsPeriod';

const ALL_AGENTS = '';

interface Props {
  state: AnalyticsPageState;
  onChange: (change: Partial<AnalyticsPageState>) => void;
  /** The period being shown (null while the custom range is invalid). */
  period: ResolvedPeriod | null;
  interval: AnalyticsInterval;
  timeZone: string;
}

/** Period (preset or custom days), bucket size and agent; every change goes to the URL. */
export const AnalyticsFilterBar = ({ state, onChange, period, interval, timeZone }: Props) => {
  const { data: users = [], isPending } = useActiveUsers();
  const choosePreset = (preset: RangePreset) =>
    // a custom range starts as the period on screen, so that one edits it rather than starting blank
    onChange(preset === 'custom' && period ? { preset, ...customFieldsFor(period), interval: null } : { preset, from: null, to: null, interval: null });
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} component="form" aria-label="Analytics filters" onSubmit={(e) => e.preventDefault()}>
      <TextField
        select
        size="small"
        label="Period"
        value={state.preset}
        onChange={(e) => choosePreset(e.target.value as RangePreset)}
        fullWidth={false}
        sx={{ width: 190 }}
        helperText={`Days in ${timeZone}`}
      >
        {RANGE_PRESETS.map((p) => (
          <MenuItem key={p} value={p}>
            {PRESET_LABELS[p]}
          </MenuItem>
        ))}
      </TextField>
      {state.preset === 'custom' && (
        <>
          <TextField type="date" size="small" fullWidth={false} label="First day" value={state.from ?? ''} onChange={(e) => onChange({ from: e.target.value || null })} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField type="date" size="small" fullWidth={false} label="Last day" value={state.to ?? ''} onChange={(e) => onChange({ to: e.target.value || null })} slotProps={{ inputLabel: { shrink: true } }} />
        </>
      )}
      <TextField
        select
        size="small"
        label="Interval"
        value={interval}
        onChange={(e) => onChange({ interval: e.target.value as AnalyticsInterval })}
        fullWidth={false}
        sx={{ width: 150 }}
        disabled={!period}
        helperText={period && period.days > 31 ? 'Hours: at most 31 days' : ' '}
      >
        {allowedIntervals(period?.days ?? 1).map((i) => (
          <MenuItem key={i} value={i}>
            {INTERVAL_LABELS[i]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Agent"
        value={users.some((u) => u.id === state.agentId) ? state.agentId : ALL_AGENTS}
        onChange={(e) => onChange({ agentId: e.target.value || null })}
        fullWidth={false}
        sx={{ width: 260 }}
        disabled={isPending}
        helperText="Charts and key figures; the leaderboard lists everyone"
      >
        <MenuItem value={ALL_AGENTS}>All agents</MenuItem>
        {users.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
