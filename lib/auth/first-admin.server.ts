import "server-only";
import { randomBytes } from "node:crypto";
import { getAuth } from "@/lib/auth/auth.server";
import { appDatabase } from "@/lib/db/app-database.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { markPasswordTemporary } from "@/lib/auth/account-setup.server";
import { isCommonPassword } from "@/lib/passwords/common-passwords.server";
import { serverEnv } from "@/lib/env.server";

export const DEMO_ADMIN_EMAIL = "admin@tradesdesk.example";

/**
 * The first account, made at start-up when there is none:
 * - ADMIN_EMAIL and ADMIN_PASSWORD, when set, become the first admin;
 * - otherwise, on the sandbox CRM only, a demo admin with a random password,
 *   printed once (it is never shown again; delete .data/app to start over);
 * - otherwise (a real CRM and nothing configured) the log says what to set.
 *
 * The configured admin's password is the operator's own choice, so it is not
 * temporary (but a common one is refused). The demo admin's was printed to a
 * terminal and perhaps a log, so it is temporary: the first sign-in replaces it.
 */
export async function ensureFirstAdmin(): Promise<void> {
  const { db } = await appDatabase();
  const anyUser = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  if (anyUser) return;

  const env = serverEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    if (isCommonPassword(env.ADMIN_PASSWORD)) {
      console.error("[tradesdesk] ADMIN_PASSWORD is on a list of commonly used passwords. Choose another and restart to create the first admin.");
      return;
    }
    await createAdmin(env.ADMIN_EMAIL.toLowerCase(), env.ADMIN_PASSWORD, "Administrator");
    console.log(`[tradesdesk] Created the first admin, ${env.ADMIN_EMAIL}, from ADMIN_EMAIL and ADMIN_PASSWORD.`);
    return;
  }
  if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) {
    console.error("[tradesdesk] Set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin.");
    return;
  }
  if (env.TRADESDESK_SANDBOX === "1") {
    const password = randomBytes(12).toString("base64url");
    const userId = await createAdmin(DEMO_ADMIN_EMAIL, password, "Demo Admin");
    await markPasswordTemporary(userId, "system");
    console.log(
      [
        "",
        "[tradesdesk] ───────────────────────────────────────────────",
        "[tradesdesk] A demo admin was created. Sign in with:",
        `[tradesdesk]   email:    ${DEMO_ADMIN_EMAIL}`,
        `[tradesdesk]   password: ${password}`,
        "[tradesdesk] It is temporary: you choose your own when you first sign in.",
        "[tradesdesk] This is shown once. Lost it? Stop, delete .data/app, start again.",
        "[tradesdesk] ───────────────────────────────────────────────",
        "",
      ].join("\n"),
    );
    return;
  }
  console.error("[tradesdesk] No users exist yet. Set ADMIN_EMAIL and ADMIN_PASSWORD (at least 10 characters) and restart to create the first admin.");
}

async function createAdmin(email: string, password: string, name: string): Promise<string> {
  const auth = await getAuth();
  // A server-side call without request headers: the admin plugin allows it, which is what makes bootstrapping possible.
  const { user } = await auth.api.createUser({ body: { email, password, name, role: "admin" } });
  await recordAudit({
    actor: { id: null, email: "system" },
    action: "user_create",
    resource: "user",
    resourceId: user.id,
    changes: { email: { to: email }, role: { to: "admin" } },
    requestId: null,
    outcome: "accepted",
    detail: "first admin, created at start-up",
  });
  return user.id;
}
