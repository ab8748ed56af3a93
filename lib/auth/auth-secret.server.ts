import "server-only";
import { randomBytes } from "node:crypto";
import type { AppDatabase } from "@/lib/db/app-database.server";
import { serverEnv } from "@/lib/env.server";

/**
 * AUTH_SECRET signs session cookies. When it is not configured, one is made
 * on first start and kept in the database, so a fresh machine works and a
 * restart does not sign everyone out; instances sharing a Postgres share it.
 */
export async function authSecret({ db }: AppDatabase): Promise<string> {
  const configured = serverEnv().AUTH_SECRET;
  if (configured) return configured;
  await db
    .insertInto("app_settings")
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", "auth_secret").executeTakeFirstOrThrow();
  return row.value;
}
