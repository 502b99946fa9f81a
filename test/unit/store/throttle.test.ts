import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from '../../../src/store/rooms/throttle';

/** Timers moved by hand: `advance` runs what falls due. */
function fakeTimers() {
  let now = 0;
  let due: { at: number; run: () => void } | null = null;
  const timers: Timers = {
    now: () => now,
    setTimeout: (run, ms) => (due = { at: now + ms, run }),
    clearTimeout: () => (due = null),
  };
  const advance = (ms: number) => {
    now += ms;
    if (due && due.at <= now) {
      const { run } = due;
      due = null;
      run();
    }
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('sends the first value at once and then the latest one per interval', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const send = throttle((v: number) => sent.push(v), 50, timers);
    send(1);
    send(2);
    send(3);
    expect(sent).toEqual([1]);
    advance(49);
    expect(sent).toEqual([1]);
    advance(1);
    expect(sent).toEqual([1, 3]);
    advance(100);
    send(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('sends no more than one value per interval under a steady stream (20 Hz at 50 ms)', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const send = throttle((v: number) => sent.push(v), 50, timers);
    for (let t = 0; t < 1000; t += 5) {
      send(t);
      advance(5);
    }
    expect(sent.length).toBeLessThanOrEqual(21);
    expect(sent.length).toBeGreaterThanOrEqual(19);
    expect(sent.at(-1)).toBe(995);
  });

  it('drops a waiting value when cancelled', () => {
    const { timers, advance } = fakeTimers();
    const sent: number[] = [];
    const send = throttle((v: number) => sent.push(v), 50, timers);
    send(1);
    send(2);
    send.cancel();
    advance(100);
    expect(sent).toEqual([1]);
  });
});
