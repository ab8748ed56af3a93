import "server-only";

/**
 * The customers this process created, by the (person-scoped) Idempotency-Key
 * of the create, for as long as the CRM replays a key (24 hours). A retry of
 * a create whose answer was lost must replay that answer, not be told the
 * customer it made is a possible duplicate of itself. Per process, like the
 * read cache: a retry that reaches another instance is asked about the match
 * (and "Create anyway" then replays the first create, as the key is the same).
 */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 5_000;
const created = new Map<string, { uuid: string; at: number }>();

export function rememberCreated(idempotencyKey: string, uuid: string, now = Date.now()): void {
  created.delete(idempotencyKey);
  created.set(idempotencyKey, { uuid, at: now });
  // A Map keeps insertion order: the oldest entries go first.
  for (const [key, entry] of created) {
    if (created.size <= MAX_KEYS && now - entry.at < REMEMBER_MS) break;
    created.delete(key);
  }
}

export function createdWith(idempotencyKey: string, now = Date.now()): string | undefined {
  const entry = created.get(idempotencyKey);
  return entry && now - entry.at < REMEMBER_MS ? entry.uuid : undefined;
}
