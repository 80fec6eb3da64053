/**
 * The analytics baseline: node:http + pg running the summary's own aggregate SQL. The app's SQL
 * builders and figure services are handed a bare `pg` connection in place of MikroORM, so the
 * statements are the app's, text for text, without Nest, auth, validation or the ORM around them.
 * GET /summary?from=…&to=… answers like GET /api/v1/analytics/summary for an org admin.
 * Env: PORT, DATABASE_URL, TENANT_ID, USER_ID (an org admin of the tenant).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { defineAbilityFor, type Principal } from '@callpro/permissions';
import { AnalyticsContextResolver } from '../../backend/src/analytics/analytics-context';
import { CallsAnalyticsService } from '../../backend/src/analytics/calls-analytics.service';
import { SlaAnalyticsService } from '../../backend/src/analytics/sla-analytics.service';
import { TicketsAnalyticsService } from '../../backend/src/analytics/tickets-analytics.service';
import { answerFor } from '../../backend/src/analytics/dto/analytics-answer.response';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** knex-style `?` placeholders (outside quotes; an array binding is a list, as knex expands it) to pg's `$n`. */
function numbered(text: string, params: readonly unknown[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let next = 0;
  let quoted = false;
  let out = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch !== '?' || quoted) {
      out += ch;
      continue;
    }
    const param = params[next++];
    const list = Array.isArray(param) ? param : [param];
    out += list.map((v) => `$${values.push(v)}`).join(', ');
  }
  return { text: out, values };
}

async function execute(text: string, params: unknown[]) {
  const q = numbered(text, params);
  return (await pool.query(q.text, q.values)).rows;
}

/** The methods of the EntityManager the analytics SQL helpers call, on a bare pg pool. */
const rawConnection = { execute, getConnection: () => ({ execute }) } as never;

const principal: Principal = { kind: 'user', userId: process.env.USER_ID!, tenantId: process.env.TENANT_ID!, role: 'org_admin' };
const ability = defineAbilityFor(principal);
const context = new AnalyticsContextResolver(rawConnection);
const calls = new CallsAnalyticsService(rawConnection);
const tickets = new TicketsAnalyticsService(rawConnection);
const sla = new SlaAnalyticsService(rawConnection);

/** AnalyticsService.summary, step for step. */
async function summary(from: string, to: string) {
  const ctx = await context.resolve(principal, ability, { from, to } as never);
  const [current, previousCalls] = await calls.summary(ctx);
  const [ticketFigures, previousTickets] = await tickets.summary(ctx);
  const [slaFigures, previousSla] = await sla.summary(ctx);
  const openTickets = await tickets.openNow(ctx);
  return {
    ...answerFor(ctx),
    timeBasis: ctx.timeBasis,
    openTickets,
    current: { calls: current, tickets: ticketFigures, sla: slaFigures },
    previousFigures: { calls: previousCalls, tickets: previousTickets, sla: previousSla },
  };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/ready') {
    res.end('ok');
    return;
  }
  summary(url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? '').then(
    (body) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    },
    (e: unknown) => {
      res.statusCode = 500;
      res.end(String(e instanceof Error ? e.stack : e));
    },
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
