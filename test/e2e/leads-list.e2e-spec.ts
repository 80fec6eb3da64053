import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { Lead } from '../../backend/src/leads/lead.entity';
import { LeadsService } from '../../backend/src/leads/leads.service';
import { forkForTenant } from '../../backend/src/database/tenant.filter';

type Auth = Record<string, string>;
interface Row {
  id: string;
  name: string;
  updatedAt: string;
  lastContactedAt: string | null;
}

describe('leads list: search, filters, sort, paging', () => {
  let t: TestApp;
  let f: TenantFixture;
  let de: TenantFixture;
  const ids: Record<string, string> = {};

  const as = (m: StaffMember, fx: TenantFixture = f): Auth => tokenFor(t, m, fx.tenant.id);
  const list = (auth: Auth, query: Record<string, unknown> = {}) =>
    request(t.server)
      .get('/api/v1/leads')
      .set(auth)
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])));
  const names = (res: { body: Row[] }) => res.body.map((r) => r.name);
  const sortedNames = (res: { body: Row[] }) => names(res).sort();
  const search = async (q: string, auth = as(f.admin)) => sortedNames(await list(auth, { filter: { q } }).expect(200));

  beforeAll(async () => {
    t = await createTestApp();
    f = await createTenantFixture(t, { defaultCountry: 'US' });
    de = await createTenantFixture(t, { defaultCountry: 'DE' });
    const seed = [
      { name: 'Geraldine Okafor', company: 'Bluebird Logistics', email: 'g.okafor@bluebird.com', phone: '(415) 867-2001', status: 'new', ownerId: f.agent.id, source: 'Trade show' },
      { name: 'Marcus Whitfield', company: 'Summit Dental Group', email: 'marcus@summitdental.com', phone: '(212) 555-0142', status: 'contacted', ownerId: f.agent2.id, source: 'Referral' },
      { name: 'Priya Raman', company: 'Harbor Realty', phone: '+44 20 7946 0958', status: 'qualified', ownerId: f.agent.id, source: 'Website form' },
      { name: 'Tom Baker', email: 'tom.baker@mail.com', status: 'won', ownerId: null },
      { name: 'Ana Geraldo', company: 'Bluebird Foods', phone: '(617) 555-0199', status: 'lost', ownerId: f.supervisor.id, source: 'Referral' },
    ];
    for (const body of seed) {
      const res = await request(t.server).post('/api/v1/leads').set(as(f.supervisor)).send(body).expect(201);
      ids[body.name] = res.body.id;
    }
    const em = t.orm.em.fork();
    const created: Record<string, string> = { 'Geraldine Okafor': '2026-01-10', 'Marcus Whitfield': '2026-02-10', 'Priya Raman': '2026-03-10' };
    for (const [name, day] of Object.entries(created)) {
      await em.nativeUpdate(Lead, { id: ids[name] }, { createdAt: new Date(`${day}T12:00:00Z`) }, { filters: false });
    }
    const leads = t.app.get(LeadsService);
    const tem = forkForTenant(t.orm.em, f.tenant.id);
    await leads.touchLastContacted(tem, ids['Marcus Whitfield'], new Date('2026-05-01T09:00:00Z'));
    await leads.touchLastContacted(tem, ids['Priya Raman'], new Date('2026-06-01T09:00:00Z'));
    await tem.flush();
    await request(t.server).post('/api/v1/leads').set(as(de.admin, de)).send({ name: 'Jonas Becker', phone: '030 1234567' }).expect(201);
  });
  afterAll(() => t.close());

  it.each(['admin', 'supervisor', 'agent'] as const)('lets the %s list every lead of the tenant with Content-Range', async (who) => {
    const res = await list(as(f[who])).expect(200);
    expect(res.body).toHaveLength(5);
    expect(res.headers['content-range']).toBe('leads 0-4/5');
    expect(res.headers['x-total-count']).toBe('5');
  });

  describe('q', () => {
    it('finds a part of a name, in any case', async () => {
      expect(await search('GERAL')).toEqual(['Ana Geraldo', 'Geraldine Okafor']);
    });

    it('finds the company', async () => {
      expect(await search('bluebird')).toEqual(['Ana Geraldo', 'Geraldine Okafor']);
    });

    it('requires every word', async () => {
      expect(await search('bluebird log')).toEqual(['Geraldine Okafor']);
      expect(await search('okafor harbor')).toEqual([]);
    });

    it('finds the email', async () => {
      expect(await search('summitdental')).toEqual(['Marcus Whitfield']);
      expect(await search('tom.baker@')).toEqual(['Tom Baker']);
    });

    it.each([['555-0142'], ['(212) 555-0142'], ['+1 212 555 0142'], ['2125550142'], ['0142']])(
      'finds phone digits written as %p',
      async (q) => {
        expect(await search(q)).toEqual(['Marcus Whitfield']);
      },
    );

    it('finds a number typed with a trunk or international prefix', async () => {
      expect(await search('020 7946 0958')).toEqual(['Priya Raman']);
      expect(await search('0044 20 7946 0958')).toEqual(['Priya Raman']);
      expect(await search('030 1234567', as(de.agent, de))).toEqual(['Jonas Becker']);
    });

    it('takes LIKE wildcards literally and answers an empty page', async () => {
      const res = await list(as(f.admin), { filter: { q: '%' } }).expect(200);
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('leads */0');
      expect(await search('_')).toEqual([]);
    });

    it('is served by the trigram index on the search column', async () => {
      const plan = await t.orm.em.fork().transactional(async (em) => {
        await em.execute('set local enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await em.execute(`explain select id from leads where search_text like '%bluebird%'`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('leads_search_text_trgm_index');
    });

    it('combines with other filters', async () => {
      expect(sortedNames(await list(as(f.admin), { filter: { q: 'bluebird', status: 'lost' } }).expect(200))).toEqual(['Ana Geraldo']);
    });
  });

  describe('filters', () => {
    const filtered = async (filter: object, auth = as(f.admin)) => sortedNames(await list(auth, { filter }).expect(200));

    it('filters by status, one or several', async () => {
      expect(await filtered({ status: 'won' })).toEqual(['Tom Baker']);
      expect(await filtered({ status: ['won', 'lost'] })).toEqual(['Ana Geraldo', 'Tom Baker']);
    });

    it('filters by owner: "me", a user id, or nobody', async () => {
      expect(await filtered({ ownerId: 'me' }, as(f.agent))).toEqual(['Geraldine Okafor', 'Priya Raman']);
      expect(await filtered({ ownerId: f.agent2.id })).toEqual(['Marcus Whitfield']);
      expect(await filtered({ ownerId: null })).toEqual(['Tom Baker']);
    });

    it('filters by source', async () => {
      expect(await filtered({ source: 'Referral' })).toEqual(['Ana Geraldo', 'Marcus Whitfield']);
    });

    it('filters by createdAt, updatedAt and lastContactedAt ranges', async () => {
      expect(await filtered({ createdAt_gte: '2026-02-01T00:00:00Z', createdAt_lte: '2026-02-28T00:00:00Z' })).toEqual(['Marcus Whitfield']);
      expect(await filtered({ lastContactedAt_gte: '2026-05-15T00:00:00Z' })).toEqual(['Priya Raman']);
      expect(await filtered({ lastContactedAt_lte: '2026-12-31T00:00:00Z' })).toEqual(['Marcus Whitfield', 'Priya Raman']);
      expect(await filtered({ updatedAt_gte: '2100-01-01T00:00:00Z' })).toEqual([]);
      expect(await filtered({ updatedAt_lte: '2100-01-01T00:00:00Z' })).toHaveLength(5);
    });

    it('gets many by id (react-admin getMany)', async () => {
      expect(await filtered({ id: [ids['Tom Baker'], ids['Priya Raman']] })).toEqual(['Priya Raman', 'Tom Baker']);
    });

    it.each([
      ['an unknown field', { tenantId: '00000000-0000-4000-8000-000000000000' }],
      ['the search column', { searchText: 'x' }],
      ['a bad status', { status: 'hot' }],
      ['a bad owner', { ownerId: 'bob' }],
      ['a bad date', { createdAt_gte: 'yesterday' }],
    ])('refuses %s with a 400', async (_label, filter) => {
      const res = await list(as(f.admin), { filter }).expect(400);
      expect(res.body.errors).toBeDefined();
    });
  });

  describe('sort and paging', () => {
    it('sorts by updatedAt, newest first, by default', async () => {
      // the oldest lead, edited now, comes first
      await request(t.server).put(`/api/v1/leads/${ids['Geraldine Okafor']}`).set(as(f.admin)).send({ source: 'Trade fair' }).expect(200);
      const res = await list(as(f.admin)).expect(200);
      expect(res.body[0].name).toBe('Geraldine Okafor');
      const stamps = res.body.map((r: Row) => r.updatedAt);
      expect(stamps).toEqual([...stamps].sort().reverse());
    });

    it('sorts by name either way', async () => {
      const asc = names(await list(as(f.admin), { sort: ['name', 'ASC'] }).expect(200));
      expect(asc).toEqual(['Ana Geraldo', 'Geraldine Okafor', 'Marcus Whitfield', 'Priya Raman', 'Tom Baker']);
      expect(names(await list(as(f.admin), { sort: ['name', 'DESC'] }).expect(200))).toEqual([...asc].reverse());
    });

    it('puts never-contacted leads last when sorting by lastContactedAt descending, first ascending', async () => {
      const desc = names(await list(as(f.admin), { sort: ['lastContactedAt', 'DESC'] }).expect(200));
      expect(desc.slice(0, 2)).toEqual(['Priya Raman', 'Marcus Whitfield']);
      const asc = names(await list(as(f.admin), { sort: ['lastContactedAt', 'ASC'] }).expect(200));
      expect(asc.slice(3)).toEqual(['Marcus Whitfield', 'Priya Raman']);
    });

    it('refuses a field that is not sortable', async () => {
      await list(as(f.admin), { sort: ['searchText', 'ASC'] }).expect(400);
      await list(as(f.admin), { sort: ['tenantId', 'ASC'] }).expect(400);
    });

    it('pages with range or the Range header, stable under a sort', async () => {
      const first = await list(as(f.admin), { sort: ['name', 'ASC'], range: [0, 1] }).expect(200);
      expect(names(first)).toEqual(['Ana Geraldo', 'Geraldine Okafor']);
      expect(first.headers['content-range']).toBe('leads 0-1/5');
      const second = await list(as(f.admin), { sort: ['name', 'ASC'] }).set('Range', 'leads=2-3').expect(200);
      expect(names(second)).toEqual(['Marcus Whitfield', 'Priya Raman']);
      expect(second.headers['content-range']).toBe('leads 2-3/5');
    });
  });
});
