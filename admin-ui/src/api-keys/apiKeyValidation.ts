/** react-admin validator: an optional instant that must lie ahead (the API refuses an expiry in the past). */
export function inTheFuture(now: () => number = Date.now) {
  return (value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    const at = new Date(String(value)).getTime();
    if (Number.isNaN(at)) return 'Not a valid date and time';
    return at > now() ? undefined : 'Must be in the future';
  };
}
