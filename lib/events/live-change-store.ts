import { ANY_RECORD, type LiveChange, type LiveRecordKind } from "@/lib/events/live-event-types";

/**
 * The changes this tab heard on its live stream, for the parts of the screen
 * that say who changed what (a card's "Moved by", an edit form's notice).
 * A small external store (useSyncExternalStore): a component reads the latest
 * change of its one record and re-renders only when that one changes.
 */
export interface HeardChange extends LiveChange {
  /** When this tab heard it (ms since epoch): "just moved" is judged from this, not from the server's clock. */
  heardAt: number;
  /** Made by the person signed in here (in this tab or another): never shown as someone else's. */
  mine: boolean;
}

const KEEP = 200;

export class LiveChangeStore {
  private latest = new Map<string, HeardChange>();
  private listeners = new Set<() => void>();

  constructor(private readonly userId: string) {}

  add(change: LiveChange, heardAt = Date.now()): HeardChange {
    const heard: HeardChange = { ...change, heardAt, mine: change.actor.id !== null && change.actor.id === this.userId };
    const key = keyOf(change.kind, change.recordId);
    this.latest.delete(key);
    this.latest.set(key, heard);
    if (this.latest.size > KEEP) this.latest.delete(this.latest.keys().next().value!);
    for (const listener of this.listeners) listener();
    return heard;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest change heard of a record (or of "many records" of its kind, when newer); null when none. */
  latestOf(kind: LiveRecordKind, recordId: string): HeardChange | null {
    const own = this.latest.get(keyOf(kind, recordId)) ?? null;
    const many = this.latest.get(keyOf(kind, ANY_RECORD)) ?? null;
    if (!many) return own;
    return !own || many.heardAt > own.heardAt ? many : own;
  }
}

const keyOf = (kind: LiveRecordKind, recordId: string) => `${kind}:${recordId.toLowerCase()}`;
