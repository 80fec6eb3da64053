import type { CallWrapUp } from './types';

/** The form's values: inputs hold '' rather than null. */
export interface WrapUpValues {
  disposition?: string | null;
  notes?: string | null;
  wrapUpSeconds?: number | string | null;
}

/** What the wrap-up form sends: blanks become null (the API clears a field with null). */
export function wrapUpChanges(values: WrapUpValues): CallWrapUp {
  const notes = values.notes?.trim() ?? '';
  const seconds = values.wrapUpSeconds;
  return {
    disposition: values.disposition ? values.disposition : null,
    notes: notes ? notes : null,
    wrapUpSeconds: seconds === '' || seconds === null || seconds === undefined ? null : Number(seconds),
  };
}

/**
 * The dispositions to offer, in the tenant's order: the active ones, plus the call's current one
 * if it has since been deactivated (or renamed away), so that saving notes does not drop it.
 */
export function dispositionChoices(dispositions: readonly { name: string; active: boolean }[], current: string | null): { id: string; name: string }[] {
  const choices = dispositions.filter((d) => d.active).map((d) => ({ id: d.name, name: d.name }));
  if (current && !choices.some((c) => c.id === current)) choices.push({ id: current, name: `${current} (no longer offered)` });
  return choices;
}
