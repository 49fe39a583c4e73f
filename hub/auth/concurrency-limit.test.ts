import { describe, expect, it } from 'vitest';
import { BusyError, ConcurrencyLimit } from './concurrency-limit.js';

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve: () => resolve() };
}

describe('ConcurrencyLimit', () => {
  it('runs at most maxRunning at once, the rest in arrival order', async () => {
    const limit = new ConcurrencyLimit(1, 5);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0]);
    expect([limit.running, limit.waiting]).toEqual([1, 2]);
    gates[0]?.resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(limit.peak).toBe(1);
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });

  it('refuses work beyond the queue, and a failed task frees its slot', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const gate = deferred();
    const first = limit.run(() => gate.promise.then(() => Promise.reject(new Error('boom'))));
    const second = limit.run(async () => 'second');
    await expect(limit.run(async () => 'third')).rejects.toBeInstanceOf(BusyError);
    gate.resolve();
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe('second');
    expect(limit.running).toBe(0);
  });
});
