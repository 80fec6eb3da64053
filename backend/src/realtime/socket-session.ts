import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type { AppAbility, UserPrincipal } from '@callpro/permissions';
import type { AccessClaims } from '../auth/token.service';

/** What the gateway keeps on each socket (`socket.data`), set at handshake and on `auth:refresh`. */
export interface SocketSession {
  principal: UserPrincipal;
  /** Built once per token: delivery checks every event against it. */
  ability: AppAbility;
  claims: AccessClaims & { exp: number };
}

// Event maps stay untyped here: the catalogue's client-side typing is in @callpro/contracts (events.ts).
export type AppServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketSession>;
export type AppSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketSession>;
