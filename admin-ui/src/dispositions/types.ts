/** A row of the dispositions resource: one entry of the tenant's list of call outcomes as agents record them. */
export interface DispositionRecord {
  id: string;
  tenantId: string;
  /** Unique in the tenant; call logs carry it by name. */
  name: string;
  /** Inactive entries are no longer offered, but calls keep them. */
  active: boolean;
  /** Display order, ascending. */
  position: number;
  createdAt: string;
  updatedAt: string;
}
