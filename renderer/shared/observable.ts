/** A tiny value store for useSyncExternalStore: get, set, subscribe (which returns unsubscribe). */
export interface Observable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export class ValueStore<T> implements Observable<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
