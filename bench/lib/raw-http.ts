import type http from 'node:http';
import type { Pool } from 'pg';

/** The request's body as a string, to `handle`; if it fails, 500 with the error as text. */
export function withBody(req: http.IncomingMessage, res: http.ServerResponse, handle: (body: string) => Promise<void>): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    handle(Buffer.concat(chunks).toString()).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
}

/** Listens on 127.0.0.1:PORT; SIGTERM closes the server and the pool, then exits. */
export function listenUntilSigterm(server: http.Server, pool: Pool): void {
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
