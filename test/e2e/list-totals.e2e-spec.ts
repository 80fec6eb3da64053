import request from 'supertest';
import { EXACT_TOTAL_LIMIT } from '../../backend/src/common/rest/list-page';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

/**
 * Content-Range totals of large lists: exact up to EXACT_TOTAL_LIMIT matching rows, the planner's
 * estimate above it (an integer, as react-admin parses it), exact again on a last, partial page.
 */
describe('list totals (Content-Range) on large lists', () => {
  let t: TestApp;
  let big: TenantFixture;
  let other: TenantFixture;
  const ROWS = EXACT_TOTAL_LIMIT + 500;

  const total = (res: request.Response) => {
    const m = /^tickets (\d+-\d+|\*)\/(\d+)$/.exec(res.headers['content-range'] as string);
    if (!m) throw new Error(`Content-Range ${String(res.headers['content-range'])}`);
    expect(res.headers['x-total-count']).toBe(m[2]);
    return Number(m[2]);
  };
  const list = (f: TenantFixture, query: Record<string, unknown> = {}) =>
    request(t.server)
      .get('/api/v1/tickets')
      .set(tokenFor(t, f.supervisor, f.tenant.id))
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
      .expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    [big, other] = [await createTenantFixture(t), await createTenantFixture(t)];
    // set-based: ROWS tickets, one in four urgent; three in the other tenant
    const insert = (tenantId: string, n: number) =>
      t.orm.em.getConnection().execute(
        `insert into tickets (id, tenant_id, number, subject, status, priority, channel)
         select gen_random_uuid(), ?, i, 'Ticket ' || i, 'open', case when i % 4 = 0 then 'urgent' else 'normal' end::ticket_priority, 'phone'
           from generate_series(1, ?::int) i`,
        [tenantId, n],
      );
    await insert(big.tenant.id, ROWS);
    await insert(other.tenant.id, 3);
    await t.orm.em.getConnection().execute('analyze tickets');
  });
  afterAll(() => t.close());

  it('estimates the total above the limit: an integer beyond the limit, near the real count', async () => {
    const res = await list(big);
    expect(res.body).toHaveLength(25);
    const n = total(res);
    expect(Number.isSafeInteger(n)).toBe(true);
    expect(n).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    // ANALYZE read the whole small table: the estimate is close to the truth
    expect(Math.abs(n - ROWS)).toBeLessThan(ROWS * 0.1);
  });

  it('counts exactly up to the limit', async () => {
    const res = await list(big, { filter: { priority: 'urgent' } });
    expect(total(res)).toBe(Math.floor(ROWS / 4));
    expect(total(await list(other))).toBe(3);
  });

  it('is exact on a last, partial page, whatever the size', async () => {
    const res = await list(big, { range: [ROWS - 10, ROWS + 14] });
    expect(res.body).toHaveLength(10);
    expect(total(res)).toBe(ROWS);
    expect(res.headers['content-range']).toBe(`tickets ${ROWS - 10}-${ROWS - 1}/${ROWS}`);
  });

  it('never claims fewer rows than a full page proves exist', async () => {
    const res = await list(big, { range: [ROWS - 100, ROWS - 76] });
    expect(res.body).toHaveLength(25);
    expect(total(res)).toBeGreaterThan(ROWS - 76);
  });

  it('still gives the total for an empty page past the end (no page row carries it)', async () => {
    const small = await list(other, { range: [25, 49] });
    expect(small.body).toEqual([]);
    expect(total(small)).toBe(3);
    const large = await list(big, { range: [ROWS + 100, ROWS + 124] });
    expect(large.body).toEqual([]);
    expect(total(large)).toBeGreaterThan(EXACT_TOTAL_LIMIT);
  });

  it('keeps the tenant boundary in the capped count and the estimate', async () => {
    // the other tenant's 3 tickets never add to this tenant's count, nor this one's to theirs
    const urgentOther = await list(other, { filter: { priority: 'urgent' } });
    expect(total(urgentOther)).toBe(0);
    expect(urgentOther.headers['content-range']).toBe('tickets */0');
  });

  it('answers a repeated list from the cache of built statements with each tenant its own rows', async () => {
    // the same query, alternately in both tenants: the cached SQL carries the tenant it was built for
    for (let round = 0; round < 2; round++) {
      const mine = await list(big, { sort: ['number', 'ASC'], range: [0, 4] });
      const theirs = await list(other, { sort: ['number', 'ASC'], range: [0, 4] });
      expect(mine.body.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4, 5]);
      expect(theirs.body.map((r: { number: number }) => r.number)).toEqual([1, 2, 3]);
      const theirIds = new Set(theirs.body.map((r: { id: string }) => r.id));
      expect(mine.body.some((r: { id: string }) => theirIds.has(r.id))).toBe(false);
      expect(total(theirs)).toBe(3);
    }
    // other values in the same shape of query are other statements
    const urgent = await list(big, { filter: { priority: 'urgent' }, sort: ['number', 'ASC'], range: [0, 2] });
    const normal = await list(big, { filter: { priority: 'normal' }, sort: ['number', 'ASC'], range: [0, 2] });
    expect(urgent.body.map((r: { number: number }) => r.number)).toEqual([4, 8, 12]);
    expect(normal.body.map((r: { number: number }) => r.number)).toEqual([1, 2, 3]);
  });
});
