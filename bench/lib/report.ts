import fs from 'node:fs';
import path from 'node:path';
import type { ResultRow } from './types';

export interface Report {
  startedAt: string;
  commit: string;
  smoke: boolean;
  node: string;
  cpuSplit: string;
  dataSize: string;
  rows: ResultRow[];
  memory: { after: string; appRssMb: number }[];
  failures: { scenario: string; error: string }[];
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : String(n));
const verdict = (p: boolean | null) => (p === null ? '–' : p ? 'pass' : 'FAIL');
const lat = (r: ResultRow) => (r.appLatency ? `${fmt(r.appLatency.p50)}/${fmt(r.appLatency.p95)}/${fmt(r.appLatency.p99)}` : '–');
const blat = (r: ResultRow) => (r.baselineLatency ? `${fmt(r.baselineLatency.p50)}/${fmt(r.baselineLatency.p95)}/${fmt(r.baselineLatency.p99)}` : '–');

/** A Markdown table (also what stdout shows). */
export function table(report: Report): string {
  const head = '| scenario | metric | app | baseline | ratio (pairs) | app p50/p95/p99 ms | baseline p50/p95/p99 ms | target | result |';
  const lines = [head, '|---|---|--:|--:|--:|--:|--:|---|---|'];
  for (const r of report.rows) {
    lines.push(
      `| ${r.scenario} | ${r.metric} | ${fmt(r.app)} ${r.unit} | ${fmt(r.baseline)} ${r.unit} | ${fmt(r.ratio)} (${r.pairRatios.join(', ')}) | ${lat(r)} | ${blat(r)} | ${r.target ?? '–'} | ${verdict(r.pass)} |`,
    );
  }
  for (const f of report.failures) lines.push(`| ${f.scenario} | CRASHED | – | – | – | – | – | – | ${f.error.split('\n')[0].slice(0, 120)} |`);
  return lines.join('\n');
}

export function memoryLine(report: Report): string {
  return `App RSS: ${report.memory.map((m) => `after ${m.after} ${m.appRssMb} MB`).join(', ')}`;
}

/** The last line: every ratio in one line. */
export function summaryLine(report: Report): string {
  const parts = report.rows.map((r) => `${r.scenario} ${r.metric} ${fmt(r.ratio)}×${r.pass === false ? ' (FAIL)' : ''}`);
  const crashed = report.failures.map((f) => `${f.scenario} CRASHED`);
  return `Ratios app/baseline: ${[...parts, ...crashed].join('; ')}`;
}

export function writeJson(report: Report, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
