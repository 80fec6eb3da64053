/**
 * The baseline for the ticket and call-ingest scenarios: raw node:http + pg, the same indexed SQL
 * as the app, and JSON.stringify. No framework, no auth, no validation: the floor the app is
 * compared with. Env: PORT, DATABASE_URL, TENANT_ID, POOL_MAX (the app's pool holds 10 too).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { ingestBulk, ingestCall } from './call-baseline';
import { listenUntilSigterm, withBody } from './raw-http';
import { EXACT_TOTAL_LIMIT, PAGE_SIZE, TICKET_SQL, searchParams } from './ticket-sql';

const INGEST: Record<string, { run: typeof ingestCall; status: number }> = {
  '/call-logs': { run: ingestCall, status: 201 },
  '/call-logs/bulk': { run: ingestBulk, status: 200 },
};

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
const tenantId = process.env.TENANT_ID!;

async function page(q: string | null): Promise<{ rows: unknown[]; total: number }> {
  const params = q ? [tenantId, ...searchParams(q)] : [tenantId];
  const { rows } = await pool.query<{ __total: number; __estimate: string | null }>(q ? TICKET_SQL.searchPageWithTotal : TICKET_SQL.pageWithTotal, params);
  const pageRows = rows.map(({ __total, __estimate, ...row }) => row);
  if (rows.length < PAGE_SIZE) return { rows: pageRows, total: rows.length };
  const { __total: total, __estimate: estimate } = rows[0];
  if (total <= EXACT_TOTAL_LIMIT) return { rows: pageRows, total };
  return { rows: pageRows, total: Math.max(Math.round(Number(estimate)), EXACT_TOTAL_LIMIT + 1, PAGE_SIZE + 1) };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const ingest = req.method === 'POST' ? INGEST[url.pathname] : undefined;
  if (ingest) {
    withBody(req, res, async (body) => {
      const answer = await ingest.run(pool, tenantId, body);
      res.writeHead(ingest.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer));
    });
    return;
  }
  if (url.pathname === '/ready') {
    res.end('ok');
    return;
  }
  if (url.pathname !== '/tickets') {
    res.statusCode = 404;
    res.end();
    return;
  }
  page(url.searchParams.get('q')).then(
    ({ rows, total }) => {
      const body = JSON.stringify(rows);
      const last = rows.length ? rows.length - 1 : 0;
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-range': `tickets 0-${Math.min(last, PAGE_SIZE - 1)}/${total}`,
        'x-total-count': String(total),
      });
      res.end(body);
    },
    (e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    },
  );
});
listenUntilSigterm(server, pool);
