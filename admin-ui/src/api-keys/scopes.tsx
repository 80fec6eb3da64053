import { API_KEY_SCOPES, type ApiKeyScope } from '@callpro/contracts';
import { Chip, Stack, Tooltip } from '@mui/material';

/** What each scope lets an integration do, in the words an admin picks them by. */
export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  'calls:write': 'Store calls (dialers, telephony integrations)',
  'calls:read': 'Read calls',
  'tickets:read': 'Read tickets and their notes',
  'tickets:write': 'Create and update tickets, add notes',
  'leads:read': 'Read leads',
  'leads:write': 'Create and update leads',
  'analytics:read': 'Read call analytics',
};

export const scopeChoices = API_KEY_SCOPES.map((id) => ({ id, name: `${id} — ${SCOPE_DESCRIPTIONS[id]}` }));

export const ScopeChips = ({ scopes }: { scopes: readonly ApiKeyScope[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {scopes.map((scope) => (
      <Tooltip key={scope} title={SCOPE_DESCRIPTIONS[scope] ?? scope}>
        <Chip size="small" variant="outlined" label={scope} sx={{ fontFamily: 'monospace' }} />
      </Tooltip>
    ))}
  </Stack>
);
