import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { CallLogList } from './CallLogList';
import { callTitle, CallLogShow } from './CallLogShow';
import type { CallLogRecord } from './types';

/** Calls come from dialers and the API only: no create page, and the wrap-up is edited on the show page. */
const callLogs = {
  list: CallLogList,
  show: CallLogShow,
  icon: PhoneInTalkIcon,
  options: { label: 'Call logs' },
  recordRepresentation: (record: CallLogRecord) => callTitle(record),
};

export default callLogs;
