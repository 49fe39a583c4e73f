import { useSyncExternalStore } from 'react';
import type { Observable } from '../../shared/observable.js';

export function useObservable<T>(store: Observable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
