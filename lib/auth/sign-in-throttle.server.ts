import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";

/**
 * Sign-in throttling by progressive delay, counted before the password is
 * checked.
 *
 * Two counters apply to every attempt: the account at this address (slows
 * guessing one person's password) and the address alone (slows trying one
 * password on many accounts). Each allows a few free failures, then asks for
 * a wait that doubles with every further failure, up to a cap. Nothing is ever
 * locked: someone signing in from another address is not held up by strangers
 * failing elsewhere, so an outsider cannot lock the admins out.
 *
 * An attempt reserves its failure in one atomic upsert before the password is
 * checked, and gives it back when the password was right. So parallel
 * attempts cannot all read "four failures so far" and all be checked: the
 * sixth finds five reserved and is refused without a check.
 */
export const THROTTLE_RULES = {
  account_ip: { freeFailures: 5 },
  ip: { freeFailures: 20 },
} as const;
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A counter quiet for this long starts again from zero (and its row is removed). */
export const FORGET_AFTER_MINUTES = 60;

type Scope = keyof typeof THROTTLE_RULES;

export type SignInAttempt = { allowed: true; succeeded: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt for `email` from `ip` as a failure unless told otherwise:
 * call `succeeded()` when the password was right. A refused attempt says how
 * long to wait and is not counted, so waiting it out always works.
 */
export async function beginSignInAttempt(email: string, ip: string): Promise<SignInAttempt> {
  await pruneQuietCounters();
  const accountKey = `${email.toLowerCase()}|${ip}`;
  const forAccount = await reserve("account_ip", accountKey);
  if (forAccount !== true) return { allowed: false, retryAfterSeconds: forAccount };
  const forIp = await reserve("ip", ip);
  if (forIp !== true) {
    await giveBack("account_ip", accountKey);
    return { allowed: false, retryAfterSeconds: forIp };
  }
  return {
    allowed: true,
    succeeded: async () => {
      // The account's failures here are forgiven; the address keeps its others (people may share it).
      const { db } = await appDatabase();
      await db.deleteFrom("sign_in_throttle").where("scope", "=", "account_ip").where("key", "=", accountKey).execute();
      await giveBack("ip", ip);
    },
  };
}

/** true when the failure was reserved, else the seconds to wait. */
async function reserve(scope: Scope, key: string): Promise<true | number> {
  const { db } = await appDatabase();
  const free = THROTTLE_RULES[scope].freeFailures;
  // A conflicting row is only updated when the attempt may go ahead: the
  // counter is quiet (starts again), within the free failures, or its wait is
  // over. Otherwise no row comes back and the attempt is refused.
  const reserved = await sql<{ failures: number }>`
    insert into sign_in_throttle (scope, key, failures, last_failure_at)
    values (${scope}, ${key}, 1, now())
    on conflict (scope, key) do update set
      failures = case
        when sign_in_throttle.last_failure_at < now() - make_interval(mins => ${FORGET_AFTER_MINUTES}) then 1
        else sign_in_throttle.failures + 1
      end,
      last_failure_at = now()
    where sign_in_throttle.last_failure_at < now() - make_interval(mins => ${FORGET_AFTER_MINUTES})
       or sign_in_throttle.failures < ${free}
       or sign_in_throttle.last_failure_at + make_interval(secs => least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, sign_in_throttle.failures - ${free}))) <= now()
    returning failures`.execute(db);
  if (reserved.rows.length > 0) return true;
  // The wait is worked out by the database's clock, the one that set last_failure_at.
  const wait = await sql<{ seconds: number }>`
    select extract(epoch from (last_failure_at + make_interval(secs => least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, failures - ${free}))) - now()))::float8 as seconds
    from sign_in_throttle where scope = ${scope} and key = ${key}`.execute(db);
  return Math.max(1, Math.ceil(wait.rows[0]?.seconds ?? 1));
}

async function giveBack(scope: Scope, key: string) {
  const { db } = await appDatabase();
  await db
    .updateTable("sign_in_throttle")
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .execute();
}

let lastPruned = 0;

/** Keeps the table to counters that still matter; at most once a minute per process unless forced. */
export async function pruneQuietCounters(options: { force?: boolean } = {}) {
  if (!options.force && Date.now() - lastPruned < 60_000) return;
  lastPruned = Date.now();
  const { db } = await appDatabase();
  await db
    .deleteFrom("sign_in_throttle")
    .where("last_failure_at", "<", new Date(Date.now() - FORGET_AFTER_MINUTES * 60_000))
    .execute();
}

/** A plain "try again in" for people: seconds under two minutes, else minutes. */
export function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
