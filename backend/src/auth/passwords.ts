import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/**
 * Runs at most `size` tasks at a time; the others wait their turn, first come first served.
 * Exported for its test.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // hand the slot straight to the next in line, else give it back
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/**
 * One argon2 computation per core at a time. argon2id is CPU- and memory-bound (19 MiB per hash):
 * more at once than there are cores only switches between 19 MiB working sets and takes the CPU
 * from the event loop (one core measured 101 verifies/s one at a time, 86–90/s with 2 to 10 in
 * flight). Under a burst of logins the surplus waits here rather than in libuv's pool, which then
 * also stays free for file and DNS work.
 */
const argon2Slots = new Slots(availableParallelism());

/**
 * argon2id with the library's defaults, which are OWASP's (m=19456 KiB, t=2, p=1). Runs on libuv's
 * thread pool, off the event loop. Use this for every password the app stores.
 */
export function hashPassword(plain: string): Promise<string> {
  return argon2Slots.run(() => hash(plain));
}

/** False (never throws) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await argon2Slots.run(() => verify(passwordHash, plain));
  } catch {
    return false;
  }
}

/**
 * A hash of a random secret with the same parameters as real ones: logins for unknown emails verify
 * against it so that they take as long as logins for known ones.
 */
let timingDecoy: Promise<string> | undefined;
export function timingDecoyHash(): Promise<string> {
  timingDecoy ??= hashPassword(randomBytes(32).toString('base64url'));
  return timingDecoy;
}
