import http from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('holds the app’s CSP and helmet’s other headers', () => {
    const headers = securityHeaders();
    expect(headers['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('names every header helmet sets on a real response (helmet’s defaults)', async () => {
    const server = http.createServer((req, res) => helmet()(req, res, () => res.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`http://127.0.0.1:${port}/`, resolve).on('error', reject));
      res.resume();
      const set = Object.keys(res.headers).filter((h) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(h));
      expect(Object.keys(securityHeaders()).sort()).toEqual(set.sort());
    } finally {
      server.close();
    }
  });
});
