import "server-only";
import { isAPIError } from "better-auth/api";
import { ApiError } from "@/lib/api/api-error";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { getAuth } from "@/lib/auth/auth.server";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import { markPasswordTemporary } from "@/lib/auth/account-setup.server";
import { isRole } from "@/lib/auth/roles";
import { forgetSessionsOf } from "@/lib/auth/session-cache.server";
import { appDatabase } from "@/lib/db/app-database.server";
import { assertAcceptablePassword } from "@/lib/passwords/password-policy.server";
import type { CreateUserInput, UpdateUserInput } from "@/lib/users/user-schemas";
import type { ManagedUser } from "@/lib/users/user-types";

export type { ManagedUser };

interface ActorContext {
  actor: CurrentUser;
  requestId: string;
  headers: Headers;
}

function usersWithLinks(db: Awaited<ReturnType<typeof appDatabase>>["db"]) {
  return db
    .selectFrom("user")
    .leftJoin("crm_user_links", "crm_user_links.user_id", "user.id")
    .leftJoin("password_change_required", "password_change_required.user_id", "user.id")
    .select([
      "user.id",
      "user.name",
      "user.email",
      "user.role",
      "user.banned",
      "user.createdAt",
      "user.twoFactorEnabled",
      "crm_user_links.crm_user_id",
      "password_change_required.set_at as password_temporary_since",
    ]);
}

export async function listUsers(): Promise<ManagedUser[]> {
  const { db } = await appDatabase();
  const rows = await usersWithLinks(db).orderBy("user.createdAt", "asc").execute();
  return rows.map(toManagedUser);
}

/** Accounts linked to a CRM user, for the assignee lists. */
export async function listCrmUserLinks(): Promise<Array<{ crmUserId: string; name: string }>> {
  const { db } = await appDatabase();
  const rows = await db
    .selectFrom("crm_user_links")
    .innerJoin("user", "user.id", "crm_user_links.user_id")
    .select(["crm_user_links.crm_user_id", "user.name"])
    .execute();
  return rows.map((row) => ({ crmUserId: row.crm_user_id, name: row.name }));
}

export async function createUser(input: CreateUserInput, context: ActorContext): Promise<ManagedUser> {
  const auth = await getAuth();
  const { db } = await appDatabase();
  const existing = await db.selectFrom("user").select("id").where("email", "=", input.email).executeTakeFirst();
  if (existing) throw new ApiError(409, "conflict", "A user with this email already exists.", { email: "A user with this email already exists." });
  assertAcceptablePassword(input.password, "password");
  try {
    const { user } = await auth.api.createUser({
      body: { email: input.email, password: input.password, name: input.name, role: input.role },
      headers: context.headers,
    });
    // The admin knows this password: the person chooses their own at their first sign-in.
    await markPasswordTemporary(user.id, context.actor.email);
    await audit(context, "user_create", user.id, { email: { to: input.email }, name: { to: input.name }, role: { to: input.role }, password: "changed" });
    return await getUser(user.id);
  } catch (error) {
    throw fromAuthError(error);
  }
}

/** Role and active changes; the last active admin can be neither demoted nor deactivated. */
export async function updateUser(id: string, input: UpdateUserInput, context: ActorContext): Promise<ManagedUser> {
  const auth = await getAuth();
  const before = await getUser(id);
  const losesAdmin = before.role === "admin" && before.active && ((input.role !== undefined && input.role !== "admin") || input.active === false);
  if (losesAdmin && (await countActiveAdmins()) <= 1) {
    throw new ApiError(409, "conflict", "This is the last active admin. Make someone else an admin first.", {
      [input.role !== undefined ? "role" : "active"]: "The last active admin must stay an active admin.",
    });
  }
  try {
    if (input.role !== undefined && input.role !== before.role) {
      await auth.api.setRole({ body: { userId: id, role: input.role }, headers: context.headers });
      await audit(context, "role_change", id, { role: { from: before.role, to: input.role } });
    }
    if (input.active === false && before.active) {
      // Deactivating also ends every session the person has.
      await auth.api.banUser({ body: { userId: id }, headers: context.headers });
      await audit(context, "user_deactivate", id, { active: { from: true, to: false } });
    }
    if (input.active === true && !before.active) {
      await auth.api.unbanUser({ body: { userId: id }, headers: context.headers });
      await audit(context, "user_reactivate", id, { active: { from: false, to: true } });
    }
  } catch (error) {
    throw fromAuthError(error);
  } finally {
    // A new role or a deactivation counts from the next request, on every instance (also after a partial failure).
    await forgetSessionsOf(id);
  }
  if (input.crm_user_id !== undefined && input.crm_user_id !== before.crmUserId) await linkCrmUser(before, input.crm_user_id, context);
  return getUser(id);
}

export async function resetPassword(id: string, password: string, context: ActorContext): Promise<void> {
  const auth = await getAuth();
  await getUser(id);
  assertAcceptablePassword(password, "password");
  try {
    await auth.api.setUserPassword({ body: { userId: id, newPassword: password }, headers: context.headers });
    // Whoever knew the old password is signed out everywhere.
    await auth.api.revokeUserSessions({ body: { userId: id }, headers: context.headers });
  } catch (error) {
    throw fromAuthError(error);
  } finally {
    await forgetSessionsOf(id);
  }
  // A reset password is temporary, like a new account's.
  await markPasswordTemporary(id, context.actor.email);
  await audit(context, "password_reset", id, { password: "changed" });
}

/** One CRM user per account and one account per CRM user: two people can't share assignments. */
async function linkCrmUser(user: ManagedUser, crmUserId: string | null, context: ActorContext): Promise<void> {
  const { db } = await appDatabase();
  if (crmUserId === null) {
    await db.deleteFrom("crm_user_links").where("user_id", "=", user.id).execute();
  } else {
    const taken = await db
      .selectFrom("crm_user_links")
      .innerJoin("user", "user.id", "crm_user_links.user_id")
      .select("user.name")
      .where("crm_user_links.crm_user_id", "=", crmUserId)
      .where("crm_user_links.user_id", "!=", user.id)
      .executeTakeFirst();
    if (taken)
      throw new ApiError(409, "conflict", `That CRM user is already linked to ${taken.name}.`, {
        crm_user_id: `Already linked to ${taken.name}. Unlink them first.`,
      });
    await db
      .insertInto("crm_user_links")
      .values({ user_id: user.id, crm_user_id: crmUserId })
      .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ crm_user_id: crmUserId, linked_at: new Date() }))
      .execute();
  }
  await audit(context, "crm_user_link", user.id, { crm_user_id: { from: user.crmUserId, to: crmUserId } });
}

export async function getUser(id: string): Promise<ManagedUser> {
  const { db } = await appDatabase();
  const row = await usersWithLinks(db).where("user.id", "=", id).executeTakeFirst();
  if (!row) throw new ApiError(404, "not_found", "There is no such user.");
  return toManagedUser(row);
}

async function countActiveAdmins(): Promise<number> {
  const { db } = await appDatabase();
  const row = await db
    .selectFrom("user")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("role", "=", "admin")
    .where((eb) => eb.or([eb("banned", "is", null), eb("banned", "=", false)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function toManagedUser(row: {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  createdAt: Date;
  twoFactorEnabled: boolean | null;
  crm_user_id: string | null;
  password_temporary_since: Date | null;
}): ManagedUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: isRole(row.role) ? row.role : null,
    active: !row.banned,
    createdAt: new Date(row.createdAt).toISOString(),
    crmUserId: row.crm_user_id,
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    passwordTemporary: row.password_temporary_since !== null,
  };
}

async function audit(
  context: ActorContext,
  action: Parameters<typeof recordAudit>[0]["action"],
  userId: string,
  changes: Parameters<typeof recordAudit>[0]["changes"],
) {
  await recordAudit({
    actor: { id: context.actor.id, email: context.actor.email },
    action,
    resource: "user",
    resourceId: userId,
    changes,
    requestId: context.requestId,
    outcome: "accepted",
  });
}

function fromAuthError(error: unknown): unknown {
  if (!isAPIError(error)) return error;
  if (error.statusCode === 400) return new ApiError(400, "validation", error.message || "The change was refused.");
  if (error.statusCode === 401 || error.statusCode === 403) return new ApiError(403, "forbidden", "Your role does not allow this.");
  if (error.statusCode === 404) return new ApiError(404, "not_found", "There is no such user.");
  return error;
}
