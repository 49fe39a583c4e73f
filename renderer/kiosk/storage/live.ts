/** Live queries re-run when the tables they read change; re-exported so only storage/ imports Dexie. */
export { liveQuery } from 'dexie';
