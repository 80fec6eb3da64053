import { useSyncExternalStore } from 'react';
import { createTicker } from './ticker';

/** Every second: a countdown under a minute shows seconds. */
const slaTicker = createTicker(1000);

/** The current time (ms), re-rendering each second from the page's one shared timer. */
export function useSlaClock(): number {
  return useSyncExternalStore(slaTicker.subscribe, slaTicker.now);
}
