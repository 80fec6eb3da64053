import { useRecordContext } from 'react-admin';
import type { LeadRecord } from './types';

export const LeadTitle = () => {
  const lead = useRecordContext<LeadRecord>();
  return <span>{lead ? lead.name : 'Lead'}</span>;
};
