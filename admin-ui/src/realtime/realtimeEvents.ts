import type { EventEnvelope } from '@callpro/contracts';
import { createContext, useContext, useEffect, useRef } from 'react';

export type EventListener = (envelope: EventEnvelope) => void;

/** Hands each real-time event to the screens that listen for it (a live feed), besides the query refreshes. */
export interface EventHub {
  publish(envelope: EventEnvelope): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    publish(envelope) {
      for (const listener of [...listeners]) listener(envelope);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Provided by RealtimeProvider; without it (outside the authenticated layout) no event arrives. */
export const RealtimeEventsContext = createContext<EventHub | null>(null);

/** Calls `listener` with every catalogue event while the component is mounted (the latest listener, without resubscribing). */
export function useRealtimeEvents(listener: EventListener): void {
  const hub = useContext(RealtimeEventsContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(() => {
    if (!hub) return;
    return hub.subscribe((envelope) => latest.current(envelope));
  }, [hub]);
}
