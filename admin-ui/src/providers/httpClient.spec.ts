import { createAuthenticatedHttp, type CrossTabLock, type FetchJson } from './httpClient';
import { createTenantChoice } from './tenantChoice';
import { fakeAuthServer, memoryStorage } from './__tests__/fakeAuthServer';
import { meFor } from './__tests__/me';
import { createTokenStore } from './tokenStore';

function setup() {
  const server = fakeAuthServer(meFor('org_admin'), { '/users': () => [{ id: 'u1' }] });
  const storages = { session: () => sessionStorage, local: () => localStorage };
  const sessionStorage = memoryStorage();
  const localStorage = memoryStorage();
  const tokens = createTokenStore(storages);
  const tenantChoice = createTenantChoice(storages);
  const http = createAuthenticatedHttp({ tokens, tenantChoice, fetchJson: server.fetchJson });
  tokens.save(server.issue());
  return { server, tokens, tenantChoice, http };
}

describe('createAuthenticatedHttp', () => {
  it('sends the access token as Bearer and keeps the caller\'s headers', async () => {
    const { server, http } = setup();
    const { json } = await http.httpClient('/api/v1/users', { headers: new Headers({ Range: 'users=0-9' }) });
    expect(json).toEqual([{ id: 'u1' }]);
    const [call] = server.callsTo('/users');
    expect(call.headers.get('Authorization')).toBe('Bearer access-1');
    expect(call.headers.get('Range')).toBe('users=0-9');
    expect(call.headers.get('Accept')).toBe('application/json');
    expect(call.headers.has('X-Tenant-Id')).toBe(false);
  });

  it('sends the chosen tenant as X-Tenant-Id', async () => {
    const { server, http, tenantChoice } = setup();
    tenantChoice.set('tenant-b');
    await http.httpClient('/api/v1/users');
    expect(server.callsTo('/users')[0].headers.get('X-Tenant-Id')).toBe('tenant-b');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    const { server, http, tokens } = setup();
    server.expireAccessTokens();
    await expect(http.httpClient('/api/v1/users')).resolves.toMatchObject({ json: [{ id: 'u1' }] });
    expect(server.callsTo('/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('/users').map((c) => c.headers.get('Authorization'))).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect([tokens.accessToken, tokens.refreshToken]).toEqual(['access-2', 'refresh-2']);
  });

  it('de-duplicates concurrent refreshes into one request, so the login is not revoked', async () => {
    const { server, http } = setup();
    server.expireAccessTokens();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => http.httpClient('/api/v1/users')));
    expect(answers.map((a) => a.json)).toEqual(Array(5).fill([{ id: 'u1' }]));
    expect(server.callsTo('/auth/refresh')).toHaveLength(1);
    expect(server.familyRevoked).toBe(false);
  });

  it('refresh() called concurrently shares one request', async () => {
    const { server, http } = setup();
    const tokens = await Promise.all([http.refresh(), http.refresh(), http.refresh()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(server.callsTo('/auth/refresh')).toHaveLength(1);
    await expect(http.refresh()).resolves.toBe('access-3');
  });

  it('retries a late 401 with the token another request already refreshed to, without refreshing again', async () => {
    const { server, tokens, tenantChoice } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const fetchJson: FetchJson = async (url, options) => {
      if (String(url).endsWith('/users') && !held) {
        held = true;
        await gate;
      }
      return server.fetchJson(url, options);
    };
    const http = createAuthenticatedHttp({ tokens, tenantChoice, fetchJson });
    server.expireAccessTokens();
    const slow = http.httpClient('/api/v1/users'); // sent with access-1, answered late
    await http.refresh(); // meanwhile another request refreshed
    release();
    await expect(slow).resolves.toMatchObject({ json: [{ id: 'u1' }] });
    expect(server.callsTo('/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('/users').map((c) => c.headers.get('Authorization'))).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const { server, http, tokens } = setup();
    tokens.save({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 5 });
    await http.httpClient('/api/v1/users');
    expect(server.callsTo('/auth/refresh')).toHaveLength(1);
    expect(server.callsTo('/users').map((c) => c.headers.get('Authorization'))).toEqual(['Bearer access-2']);
  });

  it('when the refresh token is refused, clears the tokens and fails with 401', async () => {
    const { server, http, tokens } = setup();
    server.expireAccessTokens();
    await http.refresh(); // rotates refresh-1 away
    tokens.save({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 });
    await expect(http.httpClient('/api/v1/users')).rejects.toMatchObject({ status: 401 });
    expect([tokens.accessToken, tokens.refreshToken]).toEqual([null, null]);
  });

  it('keeps the refresh token when the refresh fails for another reason (network)', async () => {
    const { tokens } = setup();
    const http = createAuthenticatedHttp({
      tokens,
      tenantChoice: { get: () => null },
      fetchJson: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(http.refresh()).rejects.toThrow('Failed to fetch');
    expect(tokens.refreshToken).toBe('refresh-1');
  });

  it('with ra\'s fetchJson, puts a problem+json body into HttpError.body (react-admin shows body.errors on fields)', async () => {
    const problem = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid user', message: 'Invalid user', errors: { email: 'email is taken' } };
    const fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    try {
      const { tokens, tenantChoice } = setup();
      const http = createAuthenticatedHttp({ tokens, tenantChoice });
      await expect(http.httpClient('/api/v1/users', { method: 'POST', body: '{}' })).rejects.toMatchObject({
        status: 400,
        message: 'Invalid user',
        body: { errors: { email: 'email is taken' } },
      });
      const [url, init] = fetchSpy.mock.calls[0];
      expect(url).toBe('/api/v1/users');
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer access-1');
      expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('runs the refresh inside the cross-tab lock and reads the refresh token only once holding it', async () => {
    const { server, tokens } = setup();
    const order: string[] = [];
    const lock: CrossTabLock = async (task) => {
      order.push('lock');
      // meanwhile another tab rotated the pair and stored its refresh token
      const otherTab = server.issue();
      tokens.save({ ...otherTab, accessToken: tokens.accessToken ?? '' });
      return task();
    };
    const http = createAuthenticatedHttp({ tokens, tenantChoice: { get: () => null }, fetchJson: server.fetchJson, lock });
    await http.refresh();
    expect(order).toEqual(['lock']);
    expect(server.callsTo('/auth/refresh').map((c) => c.body)).toEqual([{ refreshToken: 'refresh-2' }]);
    expect(server.familyRevoked).toBe(false);
  });
});
