import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { OutboxRelay, OUTBOX_RETENTION_SECONDS } from '../../backend/src/outbox/outbox.relay';
import { OutboxService } from '../../backend/src/outbox/outbox.service';
import { forkForTenant, MissingTenantError } from '../../backend/src/database/tenant.filter';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { STATE_ENV, type TestState } from '../support/state';
import { accessToken, connect, Inbox, listen, publish, sleep, type TestEvent } from '../support/sockets';

const leadUpdated = (resourceId: string, n: number): TestEvent<'lead.updated'> => ({
  name: 'lead.updated',
  subject: 'Lead',
  resourceId,
  payload: { ownerId: null, n },
});

describe('outbox relay', () => {
  let one: TestApp;
  let two: TestApp | undefined;
  let f: TenantFixture;
  const sockets: Socket[] = [];

  const inboxOn = async (t: TestApp) => {
    const socket = await connect(await listen(t), accessToken(t, f.supervisor, f.tenant.id));
    sockets.push(socket);
    return new Inbox(socket);
  };
  const rows = (ids: string[]) =>
    one.orm.em
      .getConnection()
      .execute<{ id: string; delivered_at: string | null; attempts: number }[]>(
        'select id, delivered_at, attempts from outbox_events where id = any(?::uuid[])',
        [`{${ids.join(',')}}`],
      );

  beforeAll(async () => {
    one = await createTestApp();
    f = await createTenantFixture(one);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
    for (const t of [one, two]) t?.app.get(OutboxRelay).start();
  });
  afterAll(async () => {
    await two?.close();
    await one.close();
  });

  it('publishes only inside a tenant, and user-room events only with their users', () => {
    const outbox = one.app.get(OutboxService);
    const event = leadUpdated(randomUUID(), 0);
    expect(() => outbox.publish(one.orm.em.fork() as EntityManager, event)).toThrow(MissingTenantError);
    const em = forkForTenant(one.orm.em as EntityManager, f.tenant.id);
    expect(() =>
      outbox.publish(em, {
        name: 'notification.created',
        subject: 'Notification',
        resourceId: randomUUID(),
        payload: { userId: f.agent.id, type: 'call.missed', title: 'Missed call', body: null, resource: null, resourceId: null, createdAt: new Date().toISOString() },
      }),
    ).toThrow('notification.created goes to user rooms: publish it with userIds');
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const inbox = await inboxOn(one);
    const outbox = one.app.get(OutboxService);
    let rolledBack = '';
    await expect(
      forkForTenant(one.orm.em as EntityManager, f.tenant.id).transactional(async (em) => {
        rolledBack = outbox.publish(em, leadUpdated(randomUUID(), 0)).id;
        await em.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [sentinel] = await publish(one, f.tenant.id, [leadUpdated(randomUUID(), 1)]);
    await inbox.waitFor(sentinel);
    await sleep(300);
    expect(inbox.ids()).toEqual([sentinel]);
    expect(await rows([rolledBack])).toEqual([]);
  });

  it('delivers a committed event exactly once when its instance stopped before relaying it', async () => {
    const observer = await inboxOn(one);
    await one.app.get(OutboxRelay).stop();
    const publisher = await createTestApp();
    await publisher.app.get(OutboxRelay).stop();
    const [id] = await publish(publisher, f.tenant.id, [leadUpdated(randomUUID(), 0)]);
    await publisher.close(); // "dies" between commit and relay
    expect(await rows([id])).toEqual([expect.objectContaining({ id })]);

    two = await createTestApp(); // the next instance's relay picks it up
    await observer.waitFor(id);
    await sleep(1_500); // more than a poll interval: no second delivery
    expect(observer.count(id)).toBe(1);
    expect(await rows([id])).toEqual([{ id, delivered_at: expect.any(String), attempts: 1 }]);
  });

  it('stores fresh events several to a row, and still hands each to the sockets as its own envelope, in order', async () => {
    const inbox = await inboxOn(one);
    const conn = one.orm.em.getConnection();
    const [{ seq }] = await conn.execute<{ seq: string }[]>('select coalesce(max(seq), 0)::text as seq from outbox_events');
    const notices = Array.from({ length: 1_001 }, (_, n) => ({
      name: 'notification.created' as const,
      subject: 'Notification',
      resourceId: randomUUID(),
      userIds: [f.supervisor.id],
      payload: { userId: f.supervisor.id, type: 'sla.breached' as const, title: `Alert ${n}`, body: null, resource: null, resourceId: null, createdAt: new Date().toISOString() },
    }));
    const after = leadUpdated(randomUUID(), 0);
    await forkForTenant(one.orm.em as EntityManager, f.tenant.id).transactional((em) => one.app.get(OutboxService).publishMany(em, [after], notices));

    const written = await conn.execute<{ name: string; events: number | null }[]>(
      'select name, jsonb_array_length(events) as events from outbox_events where tenant_id = ? and seq > ? order by seq',
      [f.tenant.id, seq],
    );
    expect(written).toEqual([
      { name: 'notification.created', events: 500 },
      { name: 'notification.created', events: 500 },
      { name: 'notification.created', events: 1 },
      { name: 'lead.updated', events: null },
    ]);
    const mine = new Set<string>([...notices.map((e) => e.resourceId), after.resourceId]);
    const received = () => inbox.events.filter((e) => mine.has(e.envelope.resourceId));
    await inbox.waitUntil(() => received().length === mine.size, 10_000);
    await sleep(300);
    const got = received();
    expect(got).toHaveLength(mine.size);
    expect(new Set(got.map((e) => e.envelope.id)).size).toBe(mine.size);
    // one row's events in their order (rows of different resources may be relayed by different instances)
    const firstRow = new Set<string>(notices.slice(0, 500).map((e) => e.resourceId));
    expect(got.filter((e) => firstRow.has(e.envelope.resourceId)).map((e) => e.envelope.resourceId)).toEqual([...firstRow]);
    const seventh = got.find((e) => e.envelope.resourceId === notices[7].resourceId)!;
    expect(seventh.envelope).toMatchObject({ name: 'notification.created', tenantId: f.tenant.id, subject: 'Notification', payload: notices[7].payload });
  });

  it("keeps each resource's events in order through a burst on two instances", async () => {
    two ??= await createTestApp();
    const inbox = await inboxOn(one);
    const relays = [one, two].map((t) => t.app.get(OutboxRelay));
    await Promise.all(relays.map((r) => r.stop()));
    const resources = [randomUUID(), randomUUID(), randomUUID()];
    const perResource = 50;
    // each resource's events committed one after the other, alternating instances, resources in
    // parallel; then both relays start on the backlog at once (more than one batch: they split it)
    await Promise.all(
      resources.map(async (resourceId, r) => {
        for (let n = 0; n < perResource; n++) await publish((n + r) % 2 ? one : two!, f.tenant.id, [leadUpdated(resourceId, n)]);
      }),
    );
    for (const relay of relays) relay.start();
    await inbox.waitUntil(() => inbox.events.length >= resources.length * perResource, 10_000);
    for (const resourceId of resources) {
      const order = inbox.events.filter((e) => e.envelope.resourceId === resourceId).map((e) => e.envelope.payload.n);
      expect(order).toEqual([...Array(perResource).keys()]);
    }
  });

  it('holds back a newer event of a resource while another relay holds an older one', async () => {
    const inbox = await inboxOn(one);
    const conn = one.orm.em.getConnection();
    const [x, y] = [randomUUID(), randomUUID()];
    // x1 is written as already delivered, so that no relay takes it before it is locked below
    const [{ id: x1 }] = await conn.execute<{ id: string }[]>(
      `insert into outbox_events (id, tenant_id, name, subject, resource_id, payload, delivered_at)
       values (gen_random_uuid(), ?, 'lead.updated', 'Lead', ?, '{"ownerId":null,"n":1}', now()) returning id`,
      [f.tenant.id, x],
    );
    // "another relay" holds x1: FOR KEY SHARE makes every relay's FOR UPDATE SKIP LOCKED pass it over,
    // yet lets the update below make it pending again while the lock is held
    // (as the owner, whose rights the relay's outbox_relay_batch runs with: the app role sees no tenant's rows here)
    const otherRelay = new Client({ connectionString: (JSON.parse(process.env[STATE_ENV]!) as TestState).databaseUrl });
    await otherRelay.connect();
    try {
      await otherRelay.query('begin');
      await otherRelay.query('select 1 from outbox_events where id = $1 for key share', [x1]);
      await conn.execute('update outbox_events set delivered_at = null where id = ?', [x1]);
      const [y1] = await publish(one, f.tenant.id, [leadUpdated(y, 1)]);
      const [x2] = await publish(two ?? one, f.tenant.id, [leadUpdated(x, 2)]);
      await inbox.waitFor(y1);
      await sleep(1_500);
      expect(inbox.ids()).toEqual([y1]);
      await otherRelay.query('rollback'); // it gave up: x1 is free again
      await inbox.waitUntil(() => inbox.count(x2) === 1);
      expect(inbox.ids()).toEqual([y1, x1, x2]);
    } finally {
      await otherRelay.end();
    }
  });

  it('delivers each row once with relays racing on two instances', async () => {
    two ??= await createTestApp();
    const [onOne, onTwo] = [await inboxOn(one), await inboxOn(two)];
    const relays = [one, two].map((t) => t.app.get(OutboxRelay));
    // a backlog that both relays go for at the same moment
    await Promise.all(relays.map((r) => r.stop()));
    const batches = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        publish(i % 2 ? one : two!, f.tenant.id, Array.from({ length: 5 }, (_, n) => leadUpdated(randomUUID(), n))),
      ),
    );
    for (const relay of relays) relay.start();
    const ids = batches.flat();
    for (const inbox of [onOne, onTwo]) {
      await inbox.waitUntil(() => inbox.events.length >= ids.length, 10_000);
    }
    await sleep(1_500);
    for (const inbox of [onOne, onTwo]) {
      expect(inbox.events).toHaveLength(ids.length);
      expect(new Set(inbox.ids())).toEqual(new Set(ids));
    }
    const stored = await rows(ids);
    expect(stored).toHaveLength(ids.length);
    expect(stored.every((r) => r.delivered_at !== null && r.attempts === 1)).toBe(true);
  });

  it('prunes delivered rows after the retention period, and keeps the rest', async () => {
    const conn = one.orm.em.getConnection();
    const insert = (deliveredAgo: string | null) =>
      conn
        .execute<{ id: string }[]>(
          `insert into outbox_events (id, tenant_id, name, subject, resource_id, payload, delivered_at, attempts)
           values (gen_random_uuid(), ?, 'lead.updated', 'Lead', gen_random_uuid(), '{"ownerId":null}',
                   ${deliveredAgo ? `now() - interval '${deliveredAgo}'` : 'null'}, 1) returning id`,
          [f.tenant.id],
        )
        .then((r) => r[0].id);
    const old = await insert('2 days');
    const recent = await insert('1 hour');
    expect(await one.app.get(OutboxRelay).prune(OUTBOX_RETENTION_SECONDS)).toBeGreaterThanOrEqual(1);
    expect((await rows([old, recent])).map((r) => r.id)).toEqual([recent]);
  });
});
