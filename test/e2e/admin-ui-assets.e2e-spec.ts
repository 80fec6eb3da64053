import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { IMMUTABLE_ASSET, REVALIDATE, uiDistDir } from '../../backend/src/common/http/admin-ui-assets';
import { createTestApp, type TestApp } from '../support/app';

/** The built admin UI as browsers get it: precompressed when they accept it, hashed files cached for good. */
describe('admin UI assets', () => {
  let t: TestApp;
  let bundleUrl: string;
  let plain: Buffer;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    const assets = path.join(uiDistDir(), 'assets');
    if (!fs.existsSync(assets)) throw new Error(`No admin UI build in ${uiDistDir()}: run npm run build:ui first (npm test does)`);
    // the largest script: the libraries' chunk
    const bundle = fs.readdirSync(assets).filter((f) => f.endsWith('.js')).sort((x, y) => fs.statSync(path.join(assets, y)).size - fs.statSync(path.join(assets, x)).size)[0];
    if (!bundle) throw new Error(`No JavaScript bundle in ${assets}`);
    bundleUrl = `/assets/${bundle}`;
    plain = fs.readFileSync(path.join(assets, bundle));
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends the bundle as brotli to a browser that accepts it, the same bytes once decoded, cached for good', async () => {
    const res = await get(bundleUrl, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(res.rawPayload).equals(plain)).toBe(true);
    expect(res.headers['cache-control']).toBe(IMMUTABLE_ASSET);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('sends gzip where brotli is not accepted, and the plain file where neither is', async () => {
    const gz = await get(bundleUrl, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    const identity = await get(bundleUrl, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.equals(plain)).toBe(true);
  });

  it('has index.html and deep links revalidated on every load, so that a new build is picked up', async () => {
    for (const url of ['/', '/tickets/123']) {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(bundleUrl);
      expect(res.headers['cache-control']).toBe(REVALIDATE);
    }
  });
});
