import { io, type Socket } from 'socket.io-client';

/** Connects `count` websocket clients; tokens are used round-robin (one per client's user). */
export async function connectClients(url: string, count: number, tokens: string[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    const part = Array.from({ length: Math.min(batch, count - i) }, (_, j) => {
      const socket = io(url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { token: tokens[(i + j) % tokens.length] },
        forceNew: true,
        reconnection: false,
        timeout: 20_000,
      });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (e) => reject(new Error(`socket connect to ${url} failed: ${e.message}`)));
      });
    });
    await Promise.all(part);
  }
  return sockets;
}

export function closeClients(sockets: Socket[]): void {
  for (const s of sockets) s.disconnect();
}

/**
 * Sends `events` triggers one after another; each latency is trigger sent → event received, per
 * client. `trigger` returns the id the event carries as `resourceId`.
 */
export async function measureFanOut(
  sockets: Socket[],
  eventName: string,
  events: number,
  trigger: (i: number) => Promise<string>,
  timeoutMs = 10_000,
): Promise<number[]> {
  const received = new Map<string, number[]>();
  const waiters = new Map<string, () => void>();
  const onEvent = (envelope: { resourceId?: string }) => {
    const t = performance.now();
    const id = envelope.resourceId ?? '';
    const list = received.get(id) ?? [];
    list.push(t);
    received.set(id, list);
    if (list.length >= sockets.length) waiters.get(id)?.();
  };
  for (const s of sockets) s.on(eventName, onEvent);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < events; i++) {
      const sent = performance.now();
      const id = await trigger(i);
      await new Promise<void>((resolve, reject) => {
        if ((received.get(id)?.length ?? 0) >= sockets.length) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`${eventName} ${id}: ${received.get(id)?.length ?? 0}/${sockets.length} clients got it within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiters.delete(id);
      for (const t of received.get(id)!) latencies.push(t - sent);
      received.delete(id);
    }
  } finally {
    for (const s of sockets) s.off(eventName, onEvent);
  }
  return latencies;
}
