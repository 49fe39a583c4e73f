/** Thrown when more work waits than the limit queues: the caller answers "busy, try again". */
export class BusyError extends Error {
  constructor() {
    super('Too many operations are waiting.');
    this.name = 'BusyError';
  }
}

/**
 * Runs at most `maxRunning` tasks at once, queues up to `maxWaiting` more in arrival order and
 * refuses the rest. Password hashing goes through one, so a login flood holds at most that many of
 * libuv's threads and the rest of the hub keeps its share.
 */
export class ConcurrencyLimit {
  #running = 0;
  #peak = 0;
  #started = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
  ) {
    if (!(maxRunning >= 1) || !(maxWaiting >= 0)) throw new Error('maxRunning ≥ 1 and maxWaiting ≥ 0');
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** The most tasks that ever ran at once (since the last resetPeak). */
  get peak(): number {
    return this.#peak;
  }

  /** How many tasks have started so far. */
  get started(): number {
    return this.#started;
  }

  resetPeak(): void {
    this.#peak = this.#running;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.maxRunning) {
      if (this.#waiting.length >= this.maxWaiting) throw new BusyError();
      // The finishing task hands its slot over directly, so #running never drops and rises again.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    this.#peak = Math.max(this.#peak, this.#running);
    this.#started++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
