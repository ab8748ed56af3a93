import "server-only";
import { sql } from "kysely";
import type { PendingAccountStep } from "@/lib/auth/account-step-types";
import type { Role } from "@/lib/auth/roles";
import { appDatabase } from "@/lib/db/app-database.server";
import { forgetSessions, forgetSessionsOf } from "@/lib/auth/session-cache.server";

const REQUIRE_TWO_FACTOR_FOR_ADMINS = "require_two_factor_for_admins";

/** A password an admin chose is known to two people: the owner must replace it at their next sign-in. */
export async function markPasswordTemporary(userId: string, setByEmail: string): Promise<void> {
  const { db } = await appDatabase();
  await db
    .insertInto("password_change_required")
    .values({ user_id: userId, set_by_email: setByEmail })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ set_at: new Date(), set_by_email: setByEmail }))
    .execute();
  // The step is part of every remembered session of theirs (pendingStep).
  await forgetSessionsOf(userId);
}

export async function clearPasswordTemporary(userId: string): Promise<void> {
  const { db } = await appDatabase();
  await db.deleteFrom("password_change_required").where("user_id", "=", userId).execute();
  await forgetSessionsOf(userId);
}

export async function isTwoFactorRequiredForAdmins(): Promise<boolean> {
  const { db } = await appDatabase();
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", REQUIRE_TWO_FACTOR_FOR_ADMINS).executeTakeFirst();
  return row?.value === "true";
}

export async function setTwoFactorRequiredForAdmins(required: boolean): Promise<void> {
  const { db } = await appDatabase();
  await db
    .insertInto("app_settings")
    .values({ key: REQUIRE_TWO_FACTOR_FOR_ADMINS, value: String(required) })
    .onConflict((conflict) => conflict.column("key").doUpdateSet({ value: String(required) }))
    .execute();
  // Every admin's pending step may change with it.
  await forgetSessions({ all: true });
}

/**
 * What this person must do first, if anything; one query, as it runs on every
 * request. A temporary password comes first: two-factor set-up asks for the
 * password, which should be the person's own.
 */
export async function pendingAccountStep(user: { id: string; role: Role; twoFactorEnabled: boolean }): Promise<PendingAccountStep | null> {
  const { db } = await appDatabase();
  const { rows } = await sql<{ must_change: boolean; two_factor_required: boolean }>`
    select
      exists (select 1 from password_change_required where user_id = ${user.id}) as must_change,
      coalesce((select value = 'true' from app_settings where key = ${REQUIRE_TWO_FACTOR_FOR_ADMINS}), false) as two_factor_required
  `.execute(db);
  const row = rows[0];
  if (row?.must_change) return "password_change";
  if (row?.two_factor_required && user.role === "admin" && !user.twoFactorEnabled) return "two_factor_setup";
  return null;
}
