import "server-only";

/**
 * Totals of mirror queries, kept until the mirror of that scope is next
 * written (or 30 s, for writes by another instance sharing a Postgres).
 * Counting every matching row is what a list of 100,000 pays most for; a
 * screen paging or re-sorting the same filter asks for the same total again.
 */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;

interface Holder {
  versions: Map<string, number>;
  totals: Map<string, { version: number; at: number; value: unknown }>;
}
const holder = globalThis as typeof globalThis & { __tradesdeskMirrorTotals?: Holder };
const state = (): Holder => (holder.__tradesdeskMirrorTotals ??= { versions: new Map(), totals: new Map() });

/** Called by every write to the mirror of a scope. */
export function mirrorChanged(scope: string): void {
  const { versions } = state();
  versions.set(scope, (versions.get(scope) ?? 0) + 1);
}

/** A total (or the overview's counts) for a scope, computed again only after the scope's mirror changed. */
export async function cachedTotal<T>(scope: string, key: string, compute: () => Promise<T>): Promise<T> {
  const { versions, totals } = state();
  const version = versions.get(scope) ?? 0;
  const id = `${scope}\n${key}`;
  const kept = totals.get(id);
  if (kept && kept.version === version && Date.now() - kept.at < MAX_AGE_MS) return kept.value as T;
  const value = await compute();
  if (totals.size >= MAX_ENTRIES) totals.delete(totals.keys().next().value as string);
  totals.set(id, { version, at: Date.now(), value });
  return value;
}
