import fs from 'node:fs';

/**
 * CPU seconds a process has used so far, split into its main thread (the event loop: JavaScript)
 * and all its other threads (libuv's pool, where argon2 runs; V8's GC and compiler helpers).
 * CPU time, unlike req/s, hardly moves when another process shares the machine, so CPU per request
 * is the steadier figure for "how much work does the app do per request". 10 ms resolution (USER_HZ).
 */
export function processCpu(pid: number): { main: number; others: number } {
  const out = { main: 0, others: 0 };
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // fields after "(comm)": state is field 3, utime 14 and stime 15 (proc(5))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
    if (tid === String(pid)) out.main += seconds;
    else out.others += seconds;
  }
  return out;
}
