/**
 * Runs `work` (CPU only) while `statement` is at the database, then waits for both: the process
 * builds its next statement's documents while PostgreSQL executes this one, on one connection and
 * still one statement at a time. It first lets a macrotask pass so that the statement's bytes have
 * left for the socket before `work` holds the event loop. If `work` throws, the statement's outcome
 * is left to the transaction (which rolls back).
 */
export async function whileRunning<T, W>(statement: Promise<T>, work: () => W): Promise<[T, W]> {
  // a rejection while `work` runs is handled by the await below, not reported as unhandled
  statement.catch(() => undefined);
  await new Promise<void>((resolve) => setImmediate(resolve));
  const done = work();
  return [await statement, done];
}
