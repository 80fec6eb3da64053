import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.service';
import { ProblemException } from '../../common/errors/problem';
import { COUNTER_STORE, type CounterStore } from '../../common/rate-limit/counter-store';

/**
 * Limits FAILED logins per account (email) and per client IP within a fixed window. Over either
 * limit every attempt is refused with 429, even with the right password, until the window ends.
 * Without its counters (Redis unreachable) login cannot be throttled, so it is refused (503).
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);

  constructor(
    @Inject(COUNTER_STORE) private readonly store: CounterStore,
    private readonly config: AppConfig,
  ) {}

  /** Throws 429 (with retryAfter) if the account or the IP is over its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, client] = await failClosed(Promise.all([this.store.peek(accountKey(email)), this.store.peek(ipKey(ip))]));
    const blocked = [
      account.count >= this.config.get('LOGIN_MAX_ATTEMPTS') ? account.resetsIn : 0,
      client.count >= this.config.get('LOGIN_IP_MAX_ATTEMPTS') ? client.resetsIn : 0,
    ];
    const retryAfter = Math.max(...blocked);
    if (retryAfter > 0) {
      throw new ProblemException(429, 'rate-limited', 'Too many failed login attempts; try again later', { retryAfter });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.get('LOGIN_WINDOW_SECONDS');
    const [account, client] = await failClosed(Promise.all([
      this.store.hit(accountKey(email), window),
      this.store.hit(ipKey(ip), window),
    ]));
    if (account.count === this.config.get('LOGIN_MAX_ATTEMPTS')) this.logger.warn({ ip }, 'Login locked for an account');
    if (client.count === this.config.get('LOGIN_IP_MAX_ATTEMPTS')) this.logger.warn({ ip }, 'Login locked for a client IP');
  }

  /** A successful login clears the account's failures (not the IP's). */
  async recordSuccess(email: string): Promise<void> {
    await failClosed(this.store.clear(accountKey(email)));
  }
}

async function failClosed<T>(op: Promise<T>): Promise<T> {
  try {
    return await op;
  } catch {
    throw new ProblemException(503, 'service-unavailable', 'Login is temporarily unavailable; try again shortly');
  }
}

// emails are hashed so that the counters' store holds no addresses
const accountKey = (email: string) => `login-failures:account:${createHash('sha256').update(email).digest('base64url')}`;
const ipKey = (ip: string) => `login-failures:ip:${ip}`;
