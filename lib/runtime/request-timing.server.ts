import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Where one API request spent its time, by phase (the session check, the
 * CRM's answer validated, the mirror's read-through), for its Server-Timing
 * header: what the browser's dev tools show and what `npm run bench` splits
 * the dashboard's own cost by. Work outside a request (the sync, a page
 * render) is not timed: timed() then only runs its function.
 */
type Phases = Map<string, number>;

const store = new AsyncLocalStorage<Phases>();

/** Runs fn with its phases collected; they are handed to onDone when it settles, whether it succeeded or not. */
export async function collectPhases<T>(fn: () => Promise<T>, onDone: (phases: ReadonlyMap<string, number>) => void): Promise<T> {
  const phases: Phases = new Map();
  try {
    return await store.run(phases, fn);
  } finally {
    onDone(phases);
  }
}

function add(phase: string, ms: number): void {
  const phases = store.getStore();
  if (phases) phases.set(phase, (phases.get(phase) ?? 0) + ms);
}

/** Adds the time fn takes to phase (summed when a request passes through it more than once). */
export async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    add(phase, performance.now() - started);
  }
}

export function timedSync<T>(phase: string, fn: () => T): T {
  const started = performance.now();
  try {
    return fn();
  } finally {
    add(phase, performance.now() - started);
  }
}

/** `session;dur=0.2, validate;dur=1.4`: entries for a Server-Timing header (phase names are tokens). */
export function serverTimingEntries(phases: ReadonlyMap<string, number>): string {
  return [...phases].map(([phase, ms]) => `${phase};dur=${ms.toFixed(1)}`).join(", ");
}
