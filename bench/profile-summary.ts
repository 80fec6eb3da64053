/**
 * `npx tsx bench/profile-summary.ts [file.cpuprofile …]`: the top self-time functions and packages
 * of V8 CPU profiles (default: bench/results/tmp/prof/*.cpuprofile, written by `npm run bench -- --profile`).
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const dir = path.resolve(__dirname, 'results/tmp/prof');
const files = process.argv.length > 2 ? process.argv.slice(2) : fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));

function where(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes('/dist/')) return `app:${url.slice(url.indexOf('/dist/') + 6)}`;
  return url ? (url.startsWith('node:') ? url : path.basename(url)) : '(native/vm)';
}

for (const file of files) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  p.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { callFrame: f } = byId.get(id)!;
    const key = `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    pkg.set(where(f.url), (pkg.get(where(f.url)) ?? 0) + ms);
  }
  // inclusive time: a sample counts once for every distinct function on its stack
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!f.url && ['(root)', '(idle)', '(program)'].includes(f.functionName)) continue;
      const key = `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
      if (!seen.has(key)) incl.set(key, (incl.get(key) ?? 0) + ms);
      seen.add(key);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  process.stdout.write(`${path.basename(file)}: ${(total / 1000).toFixed(1)} s sampled\nBy package/file (self time):\n${top(pkg, 15)}\nBy function (self time):\n${top(fn, 30)}\nBy function (inclusive, app code and libraries):\n${top(incl, 40)}\n\n`);
}
