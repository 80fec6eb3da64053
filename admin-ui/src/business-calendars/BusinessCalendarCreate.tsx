import { Create, SimpleForm } from 'react-admin';
import { useSession } from '../providers/useSession';
import { BusinessCalendarInputs } from './BusinessCalendarInputs';
import { calendarToApi } from './calendarForm';

/** A new calendar starts in the organisation's time zone, Monday–Friday 09:00–17:00. */
export const BusinessCalendarCreate = () => {
  const { identity } = useSession();
  const defaults = {
    timezone: identity?.tenant?.timezone ?? 'UTC',
    intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    holidays: [],
  };
  return (
    <Create transform={calendarToApi} redirect="list">
      <SimpleForm defaultValues={defaults}>
        <BusinessCalendarInputs />
      </SimpleForm>
    </Create>
  );
};
