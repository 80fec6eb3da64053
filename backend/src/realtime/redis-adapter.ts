import { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server } from 'socket.io';

/**
 * The Socket.IO adapter sends commands (subscribe, publish, unsubscribe) without awaiting them. A
 * Redis outage would turn those into unhandled rejections, which end a Node process. Here every
 * command's promise gets a handler; callers that await one still see its error.
 */
class AdapterRedis extends Redis {
  override sendCommand(...args: Parameters<Redis['sendCommand']>): unknown {
    const result = super.sendCommand(...args);
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  }
}

/**
 * Puts the Socket.IO server on the Redis adapter (ioredis publish and subscribe clients), so that
 * room operations (`io.to(room).emit`, `fetchSockets`, `disconnectSockets`) span every instance.
 * While Redis is unreachable, commands wait for it (each instance keeps serving its own sockets).
 * Returns a function that closes both clients.
 */
export function useRedisAdapter(server: Server, url: string, log: Logger): () => Promise<void> {
  const options = { maxRetriesPerRequest: null };
  const clients = { publish: new AdapterRedis(url, options), subscribe: new AdapterRedis(url, options) };
  for (const [role, client] of Object.entries(clients)) {
    let reported = false;
    client.on('error', (error: Error) => {
      if (!reported) log.warn(`Redis ${role} client: ${error.message} (retrying)`);
      reported = true;
    });
    client.on('ready', () => (reported = false));
  }
  server.adapter(createAdapter(clients.publish, clients.subscribe, { key: 'callpro' }));
  return async () => {
    for (const client of Object.values(clients)) {
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }
  };
}
