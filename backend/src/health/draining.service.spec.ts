import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Draining } from './draining.service';

/** A response as far as Draining sees one: something that emits 'close' once. */
const response = () => new EventEmitter() as unknown as ServerResponse;

describe('Draining', () => {
  it('runs the begin listeners once, however often begin is called', () => {
    const draining = new Draining();
    const calls: string[] = [];
    draining.onBegin(() => calls.push('gateway'));
    expect(draining.active).toBe(false);
    draining.begin();
    draining.begin();
    expect(draining.active).toBe(true);
    expect(calls).toEqual(['gateway']);
  });

  it('is idle at once without requests, and once the last tracked response closes', async () => {
    const draining = new Draining();
    await expect(draining.whenIdle(10)).resolves.toBe(true);
    const [one, two] = [response(), response()];
    draining.track(one);
    draining.track(two);
    expect(draining.requestsInFlight).toBe(2);
    const idle = draining.whenIdle(60_000);
    (one as unknown as EventEmitter).emit('close');
    expect(draining.requestsInFlight).toBe(1);
    (two as unknown as EventEmitter).emit('close');
    await expect(idle).resolves.toBe(true);
    expect(draining.requestsInFlight).toBe(0);
  });

  it('gives up after the grace period while a request still runs', async () => {
    const draining = new Draining();
    draining.track(response());
    await expect(draining.whenIdle(20)).resolves.toBe(false);
    expect(draining.requestsInFlight).toBe(1);
  });
});
