import { canonicalJson, parseIdempotencyKey, principalKey } from './idempotency.service';
import { ValidationProblem } from '../common/errors/problem';

describe('idempotency helpers', () => {
  it('hashes bodies by content, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('names principals by kind and id', () => {
    expect(principalKey({ kind: 'user', userId: 'u1', tenantId: 't', role: 'agent' })).toBe('user:u1');
    expect(principalKey({ kind: 'apiKey', keyId: 'k1', tenantId: 't', scopes: [] })).toBe('apiKey:k1');
  });

  it('accepts 1–255 visible ASCII characters and refuses others with a 400', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('4f1c-retry_1')).toBe('4f1c-retry_1');
    for (const bad of ['', 'has space', 'x'.repeat(256), 'ünïcode']) expect(() => parseIdempotencyKey(bad)).toThrow(ValidationProblem);
  });
});
