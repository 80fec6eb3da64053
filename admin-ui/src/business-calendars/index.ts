import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { BusinessCalendarCreate } from './BusinessCalendarCreate';
import { BusinessCalendarEdit } from './BusinessCalendarEdit';
import { BusinessCalendarList } from './BusinessCalendarList';
import type { BusinessCalendarRecord } from './types';

const businessCalendars = {
  list: BusinessCalendarList,
  edit: BusinessCalendarEdit,
  create: BusinessCalendarCreate,
  icon: EventAvailableIcon,
  recordRepresentation: (record: BusinessCalendarRecord) => record.name,
  options: { label: 'Business calendars' },
};

export default businessCalendars;
