import type { NoteVisibility } from '@callpro/contracts';

/** Internal notes are amber, so that nobody mistakes one for a reply the requester sees. */
export const INTERNAL_NOTE_BG = '#fff8e1';
export const INTERNAL_NOTE_BORDER = '#f59e0b';

export const noteBoxSx = (visibility: NoteVisibility) =>
  visibility === 'internal'
    ? { bgcolor: INTERNAL_NOTE_BG, border: '1px solid #fde68a', borderLeft: `4px solid ${INTERNAL_NOTE_BORDER}` }
    : { bgcolor: 'background.paper', border: '1px solid', borderColor: 'divider', borderLeft: '4px solid #2563eb' };
