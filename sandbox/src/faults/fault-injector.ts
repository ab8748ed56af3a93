import { NO_FAULTS, type FaultSettings } from "./fault-settings";

export type FaultFailure = "error" | "reset";

export interface FaultDecision {
  delayMs: number;
  failure: FaultFailure | null;
  /** "after": let the handler run and commit, then fail the response. */
  timing: "before" | "after";
}

export interface FaultStats {
  matched: number;
  delayed: number;
  errors: number;
  resets: number;
  /** Requests still allowed to receive a fault when `count` is set. */
  remaining: number | null;
}

/**
 * Holds the current fault settings and decides, per request, what goes wrong.
 * Decisions come from a seeded RNG so a failing test can be replayed.
 */
export interface FaultInjector {
  settings(): FaultSettings;
  set(settings: FaultSettings): void;
  decide(method: string, path: string): FaultDecision | null;
  stats(): FaultStats;
}

const WRITE_METHODS = new Set(["POST", "PUT", "DELETE", "PATCH"]);

export function createFaultInjector(initial: FaultSettings = NO_FAULTS): FaultInjector {
  let current = initial;
  let random = mulberry32(initial.seed ?? randomSeed());
  let stats: FaultStats = freshStats(initial);

  return {
    settings: () => current,
    set(settings) {
      current = settings;
      random = mulberry32(settings.seed ?? randomSeed());
      stats = freshStats(settings);
    },
    decide(method, path) {
      if (current.methods && !current.methods.includes(method)) return null;
      if (current.path && !path.includes(current.path)) return null;
      if (stats.remaining === 0) return null;
      stats.matched += 1;
      const delayMs = current.latencyMs + (current.latencyJitterMs > 0 ? Math.floor(random() * (current.latencyJitterMs + 1)) : 0);
      const roll = random();
      const failure: FaultFailure | null = roll < current.errorRate ? "error" : roll < current.errorRate + current.resetRate ? "reset" : null;
      if (delayMs === 0 && failure === null) return null;
      // `count` limits the requests that actually receive a fault (delay, error or reset).
      if (stats.remaining !== null) stats.remaining -= 1;
      if (delayMs > 0) stats.delayed += 1;
      if (failure === "error") stats.errors += 1;
      if (failure === "reset") stats.resets += 1;
      const timing = failure !== null && WRITE_METHODS.has(method) && random() < current.afterCommitShare ? "after" : "before";
      return { delayMs, failure, timing };
    },
    stats: () => ({ ...stats }),
  };
}

function freshStats(settings: FaultSettings): FaultStats {
  return { matched: 0, delayed: 0, errors: 0, resets: 0, remaining: settings.count };
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

/** Small, fast, seedable; statistical quality is ample for coin flips. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
