import { apiKeyFromHeaders, generateApiKeySecret, hashApiKeySecret, looksLikeApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('generates cp_live_ + 32 random bytes (base64url), a SHA-256 hash and a short prefix', () => {
    const { secret, hash, prefix } = generateApiKeySecret();
    expect(secret).toMatch(/^cp_live_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(8), 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashApiKeySecret(secret));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(prefix).toBe(secret.slice(0, 14));
    expect(looksLikeApiKey(secret)).toBe(true);
  });

  it('never generates the same secret twice', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => generateApiKeySecret().secret));
    expect(secrets.size).toBe(100);
  });

  it.each([['cp_live_short'], ['cp_test_' + 'a'.repeat(43)], ['cp_live_' + 'a'.repeat(42) + '!'], ['']])('refuses the shape of %p', (value) => {
    expect(looksLikeApiKey(value)).toBe(false);
  });

  describe('apiKeyFromHeaders', () => {
    const key = 'cp_live_' + 'A'.repeat(43);
    it('reads X-API-Key', () => expect(apiKeyFromHeaders({ 'x-api-key': ` ${key} ` })).toBe(key));
    it('reads a cp_live_ bearer token', () => expect(apiKeyFromHeaders({ authorization: `Bearer ${key}` })).toBe(key));
    it('prefers X-API-Key over Authorization', () => expect(apiKeyFromHeaders({ 'x-api-key': key, authorization: 'Bearer cp_live_other' })).toBe(key));
    it('ignores a JWT bearer token', () => expect(apiKeyFromHeaders({ authorization: 'Bearer eyJhbGciOi.x.y' })).toBeUndefined());
    it('ignores a request without credentials', () => expect(apiKeyFromHeaders({})).toBeUndefined());
  });
});
