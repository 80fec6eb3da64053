import { createSessionCache, sessionFromMe, type MeResponse } from './session';
import { meFor, TENANT_ID, USER_ID } from './__tests__/me';

describe('sessionFromMe', () => {
  it('rebuilds the ability from the packed rules', () => {
    const session = sessionFromMe(meFor('agent'));
    expect(session.ability.can('update', 'Ticket')).toBe(true);
    expect(session.ability.can('delete', 'Ticket')).toBe(false);
    expect(session.ability.can('create', 'User')).toBe(false);
    expect(session.principal).toEqual({ kind: 'user', userId: USER_ID, tenantId: TENANT_ID, role: 'agent' });
  });

  it('gives a super admin the chosen tenant as principal tenant, or none', () => {
    expect(sessionFromMe(meFor('super_admin', TENANT_ID)).principal.tenantId).toBe(TENANT_ID);
    expect(sessionFromMe(meFor('super_admin', null)).principal.tenantId).toBeNull();
  });
});

describe('createSessionCache', () => {
  let clock: number;
  beforeEach(() => (clock = 0));
  const deferredLoader = () => {
    const pending: { resolve: (me: MeResponse) => void; reject: (e: Error) => void }[] = [];
    const load = jest.fn(() => new Promise<MeResponse>((resolve, reject) => pending.push({ resolve, reject })));
    return { load, pending };
  };

  it('shares one GET /auth/me between concurrent callers', async () => {
    const { load, pending } = deferredLoader();
    const cache = createSessionCache(load, 60_000, () => clock);
    const all = Promise.all([cache.get(), cache.get(), cache.get()]);
    pending[0].resolve(meFor('agent'));
    const [a, b, c] = await all;
    expect(load).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('asks again once the answer is older than the TTL (time-bound rules go stale)', async () => {
    const load = jest.fn(async () => meFor('agent'));
    const cache = createSessionCache(load, 60_000, () => clock);
    await cache.get();
    clock = 59_999;
    await cache.get();
    expect(load).toHaveBeenCalledTimes(1);
    clock = 60_000;
    await cache.get();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure', async () => {
    const { load, pending } = deferredLoader();
    const cache = createSessionCache(load, 60_000, () => clock);
    const first = cache.get();
    pending[0].reject(new Error('network down'));
    await expect(first).rejects.toThrow('network down');
    const second = cache.get();
    pending[1].resolve(meFor('agent'));
    await expect(second).resolves.toMatchObject({ user: { role: 'agent' } });
  });

  it('invalidate makes the next get ask the server (login, logout, tenant switch)', async () => {
    const answers = [meFor('super_admin', null), meFor('super_admin', TENANT_ID)];
    const load = jest.fn(async () => answers.shift()!);
    const cache = createSessionCache(load, 60_000, () => clock);
    expect((await cache.get()).tenant).toBeNull();
    cache.invalidate();
    expect((await cache.get()).tenant?.id).toBe(TENANT_ID);
  });
});
