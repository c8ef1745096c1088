import { EventEmitter } from 'node:events';
import { EVERY_FEED, wakeUpListener, type Wake } from './wake-ups';

/** How long a wait took, in ms. */
async function timed(wait: Promise<Wake>): Promise<number> {
  const startedAt = Date.now();
  await wait;
  return Date.now() - startedAt;
}

describe('wake-up listeners', () => {
  const never = new AbortController().signal;

  it('wakes at once for a notification that came while the subscription was running its feed, not waiting', async () => {
    const events = new EventEmitter();
    const listener = wakeUpListener(events, 'incidentEventsFeed');
    events.emit('incidentEventsFeed');
    expect(await timed(listener.wait(10_000, never))).toBeLessThan(1000);
    // Once: the next wait waits again.
    expect(await timed(listener.wait(50, never))).toBeGreaterThanOrEqual(40);
    listener.stop();
  });

  it('says why a wait ended: a notification, the timer or the subscription ending', async () => {
    const events = new EventEmitter();
    const listener = wakeUpListener(events, 'incidentEventsFeed');
    const notified = listener.wait(10_000, never);
    events.emit('incidentEventsFeed');
    expect(await notified).toBe('notified');
    expect(await listener.wait(10, never)).toBe('timer');
    const controller = new AbortController();
    const aborted = listener.wait(10_000, controller.signal);
    controller.abort();
    expect(await aborted).toBe('aborted');
    listener.stop();
  });

  it('wakes for its feed and for every feed, not for another feed', async () => {
    const events = new EventEmitter();
    const listener = wakeUpListener(events, 'incidentEventsFeed');
    const other = listener.wait(50, never);
    events.emit('readingsFeed');
    expect(await timed(other)).toBeGreaterThanOrEqual(40);
    const every = listener.wait(10_000, never);
    events.emit(EVERY_FEED);
    expect(await timed(every)).toBeLessThan(1000);
    listener.stop();
  });

  it('ends a wait when its subscription ends, and stops listening', async () => {
    const events = new EventEmitter();
    const listener = wakeUpListener(events, 'incidentEventsFeed');
    const controller = new AbortController();
    const aborted = listener.wait(10_000, controller.signal);
    controller.abort();
    expect(await timed(aborted)).toBeLessThan(1000);
    const stopped = listener.wait(10_000, never);
    listener.stop();
    expect(await timed(stopped)).toBeLessThan(1000);
    expect(events.listenerCount('incidentEventsFeed') + events.listenerCount(EVERY_FEED)).toBe(0);
  });
});
