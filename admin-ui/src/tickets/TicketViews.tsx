import AlarmIcon from '@mui/icons-material/Alarm';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Card, CardContent } from '@mui/material';
import { useEffect, useRef } from 'react';
import { FilterList, FilterListItem, SavedQueriesList, useListContext } from 'react-admin';
import { BREACHING_SOON, BREACHING_SOON_SORT, isBreachingSoonSelected, toggleBreachingSoon } from './sla/breachingSoon';
import { isViewSelected, TICKET_VIEWS, toggleView } from './ticketViews';

/** Turning "Breaching soon" on also sorts by due time, soonest first (the user may re-sort afterwards). */
const SortWhenBreachingSoon = () => {
  const { filterValues, setSort } = useListContext();
  const on = filterValues[BREACHING_SOON] === true;
  const wasOn = useRef(on);
  useEffect(() => {
    if (on && !wasOn.current) setSort({ ...BREACHING_SOON_SORT });
    wasOn.current = on;
  }, [on, setSort]);
  return null;
};

/** The list's sidebar: predefined views, the SLA filter (combines with a view), then the filters a user saved. */
export const TicketViews = () => (
  <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}>
    <CardContent>
      <FilterList label="Views" icon={<ViewListIcon />}>
        {TICKET_VIEWS.map((view) => (
          <FilterListItem key={view.label} label={view.label} value={view.value} isSelected={isViewSelected} toggleFilter={toggleView} />
        ))}
      </FilterList>
      <FilterList label="SLA" icon={<AlarmIcon />}>
        <FilterListItem label="Breaching soon" value={{ [BREACHING_SOON]: true }} isSelected={isBreachingSoonSelected} toggleFilter={toggleBreachingSoon} />
      </FilterList>
      <SortWhenBreachingSoon />
      <SavedQueriesList />
    </CardContent>
  </Card>
);
