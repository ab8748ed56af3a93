import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database";

/**
 * Failed sign-ins allowed in a window before further attempts are refused
 * with 429: per account (slows guessing one person's password) and per IP
 * (slows trying one password on many accounts).
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function isSignInThrottled(email: string, ip: string): Promise<boolean> {
  const { db } = await appDatabase();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom("sign_in_failures")
    .select([
      sql<number>`count(*) filter (where email = ${email})::int`.as("by_account"),
      sql<number>`count(*) filter (where ip = ${ip})::int`.as("by_ip"),
    ])
    .where("occurred_at", ">", since)
    .where((eb) => eb.or([eb("email", "=", email), eb("ip", "=", ip)]))
    .executeTakeFirstOrThrow();
  return row.by_account >= MAX_FAILURES_PER_ACCOUNT || row.by_ip >= MAX_FAILURES_PER_IP;
}

export async function recordSignInFailure(email: string, ip: string) {
  const { db } = await appDatabase();
  await db.insertInto("sign_in_failures").values({ email, ip }).execute();
}

/** A successful sign-in clears the account's failures (not the IP's: others may share it). */
export async function clearSignInFailures(email: string) {
  const { db } = await appDatabase();
  await db.deleteFrom("sign_in_failures").where("email", "=", email).execute();
}
