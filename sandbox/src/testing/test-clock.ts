import type { Clock } from "../clock";

export interface TestClock {
  clock: Clock;
  /** Moves time forward (or back, with a negative value); a frozen clock stays frozen. */
  advance(milliseconds: number): void;
  /** Stops time at this instant, so records get identical timestamps. */
  freeze(at: Date): void;
  /** Lets time flow again from wherever it was. */
  resume(): void;
}

/**
 * Real time plus an offset: records keep distinct, increasing timestamps while
 * a test jumps ahead by days (idempotency expiry, a new quota month).
 */
export function createTestClock(): TestClock {
  let offset = 0;
  let frozen: number | null = null;
  const now = () => frozen ?? Date.now() + offset;
  return {
    clock: () => new Date(now()),
    advance: (milliseconds) => {
      if (frozen !== null) frozen += milliseconds;
      else offset += milliseconds;
    },
    freeze: (at) => {
      frozen = at.getTime();
    },
    resume: () => {
      if (frozen !== null) offset = frozen - Date.now();
      frozen = null;
    },
  };
}
