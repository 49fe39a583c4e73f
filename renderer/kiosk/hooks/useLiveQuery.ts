import { liveQuery } from '../storage/live.js';
import { useEffect, useState, type DependencyList } from 'react';

/** Subscribes to a Dexie live query; re-renders when the queried tables change. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the query's inputs
  }, deps);
  return value;
}
