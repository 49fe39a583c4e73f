import { useSyncExternalStore } from 'react';
import type { Observable } from './observable.js';

/** The current value of a store, re-rendering when it changes (kiosk and clerk console alike). */
export function useObservable<T>(store: Observable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
