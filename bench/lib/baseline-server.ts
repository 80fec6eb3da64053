/**
 * The baseline for the ticket scenarios: raw node:http + pg, the same indexed SQL as the app, and
 * JSON.stringify. No framework, no auth, no validation: the floor the app is compared with.
 * Env: PORT, DATABASE_URL, TENANT_ID, AGENT_ID (the caller of POST /call-logs), POOL_MAX.
 */
import http from 'node:http';
import { Pool } from 'pg';
import { EXACT_TOTAL_LIMIT, PAGE_SIZE, TICKET_SQL, searchParams } from './ticket-sql';

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

/**
 * The call-ingest baseline: the stored row and its `call-log.created` outbox row in one
 * transaction, as the app commits them, without validation, lead matching or idempotency.
 */
async function ingestCall(body: string): Promise<unknown> {
  const c = JSON.parse(body) as { direction: string; fromNumber: string; toNumber: string; startedAt: string; answeredAt: string; endedAt: string; outcome: string };
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(
      `insert into call_logs (id, tenant_id, direction, from_number, to_number, started_at, answered_at, ended_at, outcome,
                              talk_seconds, ring_seconds, agent_id, source)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8,
               extract(epoch from $7::timestamptz - $6::timestamptz)::int, extract(epoch from $6::timestamptz - $5::timestamptz)::int, $9, 'android')
       returning id, direction, status, from_number as "fromNumber", to_number as "toNumber", started_at as "startedAt",
                 agent_id as "agentId", talk_seconds as "talkSeconds", ring_seconds as "ringSeconds", created_at as "createdAt"`,
      [tenantId, c.direction, c.fromNumber, c.toNumber, c.startedAt, c.answeredAt, c.endedAt, c.outcome, process.env.AGENT_ID],
    );
    await client.query(
      `insert into outbox_events (id, tenant_id, name, subject, resource_id, payload) values (gen_random_uuid(), $1, 'call-log.created', 'CallLog', $2, $3)`,
      [tenantId, rows[0].id, JSON.stringify(rows[0])],
    );
    await client.query('commit');
    return rows[0];
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/call-logs') {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      ingestCall(body).then(
        (row) => {
          res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(row));
        },
        (e: unknown) => {
          res.statusCode = 500;
          res.end(String(e));
        },
      );
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
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
