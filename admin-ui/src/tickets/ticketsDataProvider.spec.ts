import type { DataProvider } from 'react-admin';
import { NOBODY } from './nobodyFilter';
import { withTicketsApi } from './ticketsDataProvider';
import { withLeadsApi } from '../leads/leadsDataProvider';

const listParams = (filter: Record<string, unknown>) => ({ filter, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const } });

function fakeBase() {
  const getList = jest.fn(async () => ({ data: [], total: 0 }));
  const getManyReference = jest.fn(async () => ({ data: [], total: 0 }));
  return { base: { getList, getManyReference } as unknown as DataProvider, getList, getManyReference };
}

describe('withTicketsApi', () => {
  it('sends "unassigned" to the API as assigneeId null, and leaves other filters and resources alone', async () => {
    const { base, getList, getManyReference } = fakeBase();
    const provider = withLeadsApi(withTicketsApi(base, jest.fn()));
    await provider.getList('tickets', listParams({ assigneeId: NOBODY, status: ['new'] }));
    await provider.getList('tickets', listParams({ assigneeId: 'me' }));
    await provider.getList('users', listParams({ assigneeId: NOBODY }));
    await provider.getManyReference('tickets', { ...listParams({ assigneeId: NOBODY }), target: 'leadId', id: 'l1' });
    await provider.getList('leads', listParams({ ownerId: NOBODY, source: NOBODY }));
    expect(getList.mock.calls.map((call: unknown[]) => (call[1] as { filter: unknown }).filter)).toEqual([
      { assigneeId: null, status: ['new'] },
      { assigneeId: 'me' },
      { assigneeId: NOBODY },
      { ownerId: null, source: NOBODY },
    ]);
    expect((getManyReference.mock.calls[0] as unknown[])[1]).toMatchObject({ filter: { assigneeId: null }, target: 'leadId', id: 'l1' });
  });

  it('bulkUpdateTickets sends one PATCH /tickets/bulk with ids and changes and returns the tickets', async () => {
    const { base } = fakeBase();
    const http = jest.fn(async () => ({ status: 200, headers: new Headers(), body: '', json: [{ id: 't1' }, { id: 't2' }] }));
    const provider = withTicketsApi(base, http, '/api/v1');
    const answer = await provider.bulkUpdateTickets({ ids: ['t1', 't2'], changes: { assigneeId: null } });
    expect(answer).toEqual({ data: [{ id: 't1' }, { id: 't2' }] });
    expect(http).toHaveBeenCalledTimes(1);
    const [url, options] = http.mock.calls[0] as unknown as [string, { method: string; body: string }];
    expect(url).toBe('/api/v1/tickets/bulk');
    expect(options.method).toBe('PATCH');
    expect(JSON.parse(options.body)).toEqual({ ids: ['t1', 't2'], changes: { assigneeId: null } });
  });

  it('lets a refused bulk change fail with the API error (all or nothing: the caller reports it)', async () => {
    const { base } = fakeBase();
    const refusal = Object.assign(new Error('Nothing was changed: 1 of 2 tickets cannot be changed'), { status: 422 });
    const provider = withTicketsApi(base, jest.fn(async () => Promise.reject(refusal)));
    await expect(provider.bulkUpdateTickets({ ids: ['t1', 't2'], changes: { status: 'closed' } })).rejects.toBe(refusal);
  });
});
