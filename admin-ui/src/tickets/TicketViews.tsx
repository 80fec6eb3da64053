import ViewListIcon from '@mui/icons-material/ViewList';
import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, SavedQueriesList } from 'react-admin';
import { isViewSelected, TICKET_VIEWS, toggleView } from './ticketViews';

/** The list's sidebar: predefined views, then the filters a user saved. */
export const TicketViews = () => (
  <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}>
    <CardContent>
      <FilterList label="Views" icon={<ViewListIcon />}>
        {TICKET_VIEWS.map((view) => (
          <FilterListItem key={view.label} label={view.label} value={view.value} isSelected={isViewSelected} toggleFilter={toggleView} />
        ))}
      </FilterList>
      <SavedQueriesList />
    </CardContent>
  </Card>
);
