import type { Queryable } from "../db/database";

/** A key this request holds while it runs (state 'in_flight'). */
export interface IdempotencyClaim {
  companyUuid: string;
  key: string;
}

export interface Fingerprint {
  method: string;
  path: string;
  bodySha256: string;
}

export type ClaimOutcome =
  { kind: "claimed"; claim: IdempotencyClaim } | { kind: "replay"; status: number; body: string } | { kind: "in_flight" } | { kind: "mismatch" };

interface StoredKey {
  method: string;
  path: string;
  body_sha256: string;
  state: "in_flight" | "done";
  response_status: number | null;
  response_body: string | null;
  created_at: Date;
}

/** CRM-API decision 8: a key replays its first response for 24 hours. */
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A key left in flight this long belongs to a request that died with its
 * process (the row outlives it in a data directory or Postgres). Without a
 * limit the key would answer 409 forever.
 */
const ABANDONED_IN_FLIGHT_MS = 5 * 60 * 1000;

/**
 * Claims the key for this request or says what to answer instead. Claiming is
 * an insert that does nothing on conflict, and taking over an expired record
 * is a compare-and-swap on its state and time, so two concurrent requests
 * with one key can never both run.
 */
export async function claimIdempotencyKey(db: Queryable, companyUuid: string, key: string, fingerprint: Fingerprint, now: Date): Promise<ClaimOutcome> {
  const claim = { companyUuid, key };
  // Bounded: each pass either decides or saw the row change under it.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const inserted = await db.query(
      `insert into idempotency_keys (company_uuid, key, method, path, body_sha256, state, created_at)
       values ($1, $2, $3, $4, $5, 'in_flight', $6)
       on conflict (company_uuid, key) do nothing
       returning key`,
      [companyUuid, key, fingerprint.method, fingerprint.path, fingerprint.bodySha256, now],
    );
    if (inserted.rows.length > 0) return { kind: "claimed", claim };

    const { rows } = await db.query<StoredKey>(
      "select method, path, body_sha256, state, response_status, response_body, created_at from idempotency_keys where company_uuid = $1 and key = $2",
      [companyUuid, key],
    );
    const stored = rows[0];
    if (!stored) continue; // released between our insert and select: try again

    const age = now.getTime() - new Date(stored.created_at).getTime();
    const expired = stored.state === "done" ? age >= REPLAY_WINDOW_MS : age >= ABANDONED_IN_FLIGHT_MS;
    if (expired) {
      const taken = await db.query(
        `update idempotency_keys
         set method = $3, path = $4, body_sha256 = $5, state = 'in_flight', response_status = null, response_body = null, created_at = $6
         where company_uuid = $1 and key = $2 and state = $7 and created_at = $8
         returning key`,
        [companyUuid, key, fingerprint.method, fingerprint.path, fingerprint.bodySha256, now, stored.state, stored.created_at],
      );
      if (taken.rows.length > 0) return { kind: "claimed", claim };
      continue;
    }
    const sameRequest = stored.method === fingerprint.method && stored.path === fingerprint.path && stored.body_sha256 === fingerprint.bodySha256;
    if (!sameRequest) return { kind: "mismatch" };
    if (stored.state === "in_flight") return { kind: "in_flight" };
    return { kind: "replay", status: stored.response_status ?? 200, body: stored.response_body ?? "" };
  }
  // The row kept changing under us: another request with this key is busy with it.
  return { kind: "in_flight" };
}

/** Records the response to replay. Run inside the write's transaction when there is one. */
export async function completeIdempotencyKey(db: Queryable, claim: IdempotencyClaim, status: number, body: string): Promise<void> {
  await db.query(
    "update idempotency_keys set state = 'done', response_status = $3, response_body = $4 where company_uuid = $1 and key = $2 and state = 'in_flight'",
    [claim.companyUuid, claim.key, status, body],
  );
}

/** Forgets the claim so a retry runs again (after a 5xx, when nothing was committed). */
export async function releaseIdempotencyKey(db: Queryable, claim: IdempotencyClaim): Promise<void> {
  await db.query("delete from idempotency_keys where company_uuid = $1 and key = $2 and state = 'in_flight'", [claim.companyUuid, claim.key]);
}
