import type { Pool } from 'pg';

/**
 * Empties the outbox, undelivered rows included, as if a relay had delivered and pruned them: for
 * the bulk scenario, whose runs each leave tens of thousands of events (the baseline's too) that
 * no socket listens to. Their delivery is not what that scenario measures (live-events measures
 * it), and relaying them took most of its time. TRUNCATE waits only for the relay step in flight;
 * an UPDATE marking the rows delivered queued behind one relay step after another (the relay
 * claims `for update skip locked`, so each step skipped the rows the UPDATE held and took rows
 * ahead of it): once 44 s for 17,000 rows.
 */
export async function outboxBacklogSkipped(db: Pool): Promise<void> {
  await db.query('truncate outbox_events');
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
