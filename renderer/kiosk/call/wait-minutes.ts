/** An estimated wait in whole minutes, never below one (under a minute has its own text). */
export const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));
