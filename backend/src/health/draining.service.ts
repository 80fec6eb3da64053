import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

/**
 * Whether this instance is shutting down, and the HTTP requests it still owes an answer. main.ts
 * begins draining on SIGTERM/SIGINT: readiness turns false at once (load balancers stop sending
 * traffic), new requests are turned away (see drain-gate.ts), sockets are told to reconnect
 * elsewhere (RealtimeGateway), and the close waits for the requests in flight, up to
 * SHUTDOWN_GRACE_MS.
 */
@Injectable()
export class Draining {
  private started = false;
  private inFlight = 0;
  private readonly onBeginListeners: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  get active(): boolean {
    return this.started;
  }

  /** Requests being answered right now. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Starts draining (once); runs the listeners registered with `onBegin`. */
  begin(): void {
    if (this.started) return;
    this.started = true;
    for (const listener of this.onBeginListeners) listener();
  }

  onBegin(listener: () => void): void {
    this.onBeginListeners.push(listener);
  }

  /** Counts a request until its response is sent or its connection closes. */
  track(response: ServerResponse): void {
    this.inFlight++;
    response.once('close', () => {
      this.inFlight--;
      if (this.inFlight > 0) return;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    });
  }

  /** Resolves true once no request is in flight, or false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      this.idleWaiters.push(wake);
    });
  }
}
