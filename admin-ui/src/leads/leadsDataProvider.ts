import type { DataProvider } from 'react-admin';
import { withNobodyFilters } from '../tickets/nobodyFilter';

/** The stock provider, with `ownerId: "none"` (leads nobody owns) sent as null. */
export const withLeadsApi = <D extends DataProvider>(base: D): D => withNobodyFilters(base, 'leads', ['ownerId']);
