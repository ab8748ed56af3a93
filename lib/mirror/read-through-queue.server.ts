import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { beforeStop } from "@/lib/runtime/before-stop.server";

/**
 * The mirror's read-through (ADR-014) off the request's path: what a CRM
 * answer teaches the mirror is written after the answer has gone back, one
 * batch after another in the order the answers came. Every other use of the
 * mirror in this process (its queries, the sync, the write-through after a
 * save) first waits for the batches queued before it (mirrorDatabase calls
 * mirrorWritesSettled), so nothing here reads the mirror without what it was
 * taught, and no write overtakes an older one. Another instance sharing the
 * Postgres sees a batch once it is written, a few milliseconds later; what it
 * misses meanwhile is a record it asks the CRM for again, never a wrong one.
 * A clean stop writes what is queued first.
 */
interface Queue {
  tail: Promise<void>;
  pending: number;
}

const holder = globalThis as typeof globalThis & { __tradesdeskMirrorQueue?: Queue };
const queue = (): Queue => (holder.__tradesdeskMirrorQueue ??= { tail: Promise.resolve(), pending: 0 });

/** Set while a queued batch runs: its own reads and writes of the mirror must not wait for themselves. */
const inQueuedWrite = new AsyncLocalStorage<true>();

/** Queues work (which logs its own failures: mirror-observer's guarded) to run after what is already queued. */
export function queueMirrorWrite(work: () => Promise<void>): void {
  const current = queue();
  current.pending += 1;
  current.tail = current.tail
    .then(() => inQueuedWrite.run(true, work))
    .catch(() => undefined)
    .finally(() => {
      current.pending -= 1;
    });
  beforeStop(mirrorWritesSettled);
}

/** Resolves once every batch queued so far is written (at once when none is, or when called from one). */
export function mirrorWritesSettled(): Promise<void> {
  const current = queue();
  if (current.pending === 0 || inQueuedWrite.getStore()) return Promise.resolve();
  return current.tail;
}
