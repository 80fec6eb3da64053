import type { Pool } from 'pg';

/**
 * Marks every undelivered outbox row delivered, as a relay step would, without sending it: for
 * the bulk scenario, whose runs each leave tens of thousands of events (the baseline's too) that
 * no socket listens to. Their delivery is not what that scenario measures (live-events measures
 * it), and relaying them took most of its time. Rows a relay holds are waited for and skipped.
 */
export async function outboxBacklogSkipped(db: Pool): Promise<void> {
  await db.query('update outbox_events set delivered_at = now() where delivered_at is null');
}

/**
 * Waits until the app's outbox relay has delivered every event: the relay runs in the app process
 * for the baseline's events too, so a run starts without the previous run's backlog.
 */
export async function outboxDrained(db: Pool, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ pending: boolean }>('select exists (select 1 from outbox_events where delivered_at is null) as pending');
    if (!rows[0].pending) return;
    if (Date.now() > deadline) throw new Error(`the outbox still had undelivered events after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
