import InsightsIcon from '@mui/icons-material/Insights';
import SettingsIcon from '@mui/icons-material/Settings';
import { Menu as RaMenu, useResourceDefinitions } from 'react-admin';
import { useSession } from '../providers/useSession';
import { menuEntries } from './menuEntries';

/** The dashboard, then what `menuEntries` allows this session (see there for what is left out and why). */
export const Menu = () => {
  const resources = useResourceDefinitions();
  const { ability, tenantId } = useSession();
  const entries = ability ? menuEntries({ ability, tenantId }, Object.keys(resources)) : [];
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {entries.map((entry) =>
        entry.kind === 'resource' ? (
          <RaMenu.ResourceItem key={entry.resource} name={entry.resource} />
        ) : (
          <RaMenu.Item key={entry.to} to={entry.to} primaryText={entry.label} leftIcon={entry.kind === 'page' ? <InsightsIcon /> : <SettingsIcon />} />
        ),
      )}
    </RaMenu>
  );
};
