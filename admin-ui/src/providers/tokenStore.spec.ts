import { memoryStorage } from './__tests__/fakeAuthServer';
import { createTokenStore } from './tokenStore';

describe('createTokenStore', () => {
  let clock: number;
  const setup = () => {
    const session = memoryStorage();
    const local = memoryStorage();
    const store = createTokenStore({ session: () => session, local: () => local }, () => clock);
    return { session, local, store };
  };
  beforeEach(() => (clock = 1_000_000));

  it('keeps the access token in sessionStorage and the refresh token in localStorage', () => {
    const { session, local, store } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    expect(session.entries()).toEqual({ 'callpro.accessToken': 'a1', 'callpro.accessTokenExpiresAt': String(1_000_000 + 900_000) });
    expect(local.entries()).toEqual({ 'callpro.refreshToken': 'r1' });
    expect([store.accessToken, store.refreshToken]).toEqual(['a1', 'r1']);
  });

  it('picks up a session saved by an earlier page load of the same tab', () => {
    const { session, local, store } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const reloaded = createTokenStore({ session: () => session, local: () => local }, () => clock);
    expect([reloaded.accessToken, reloaded.refreshToken, reloaded.accessTokenExpired()]).toEqual(['a1', 'r1', false]);
  });

  it('reads the refresh token on every use: another tab may have rotated it', () => {
    const { local, store } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    local.setItem('callpro.refreshToken', 'r2-from-another-tab');
    expect(store.refreshToken).toBe('r2-from-another-tab');
  });

  it('counts the access token as expired from expiresIn, with a skew', () => {
    const { store } = setup();
    expect(store.accessTokenExpired()).toBe(true);
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 60 });
    expect(store.accessTokenExpired()).toBe(false);
    clock += 55_000;
    expect(store.accessTokenExpired()).toBe(false);
    expect(store.accessTokenExpired(10_000)).toBe(true);
    clock += 5_000;
    expect(store.accessTokenExpired()).toBe(true);
  });

  it('clear forgets both tokens everywhere', () => {
    const { session, local, store } = setup();
    store.save({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    store.clear();
    expect([store.accessToken, store.refreshToken, session.entries(), local.entries()]).toEqual([null, null, {}, {}]);
  });
});
