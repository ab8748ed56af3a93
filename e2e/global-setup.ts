import { request, type FullConfig } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "./support/accounts";
import { E2E_APP_URL } from "./support/test-env";

/**
 * Signs in the admin (made at start-up from ADMIN_EMAIL/ADMIN_PASSWORD),
 * creates the staff and viewer accounts through the admin API, and saves a
 * signed-in browser state for each role, so tests start signed in as whom
 * they need without repeating the sign-in form. A password an admin sets is
 * temporary, so each of them first replaces it with its own, as a person would.
 */
export default async function globalSetup(_config: FullConfig) {
  await untilDatabaseReady();
  const headers = { Origin: E2E_APP_URL };
  const admin = await request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: headers });
  await signIn(admin, "admin");
  for (const role of ["staff", "viewer"] as const) {
    const account = ACCOUNTS[role];
    const response = await admin.post("/api/admin/users", { data: { ...account, password: temporaryPassword(role), role } });
    if (!response.ok() && response.status() !== 409) throw new Error(`creating the ${role} account failed: ${response.status()} ${await response.text()}`);
  }
  await admin.storageState({ path: storageStatePath("admin") });
  await admin.dispose();

  for (const role of ["staff", "viewer"] as const) {
    const context = await request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: headers });
    await chooseOwnPassword(context, role);
    await signIn(context, role);
    await context.storageState({ path: storageStatePath(role) });
    await context.dispose();
  }
}

function temporaryPassword(role: keyof typeof ACCOUNTS) {
  return `${ACCOUNTS[role].password}-temporary`;
}

async function chooseOwnPassword(context: Awaited<ReturnType<typeof request.newContext>>, role: keyof typeof ACCOUNTS) {
  const { email, password } = ACCOUNTS[role];
  const signedIn = await context.post("/api/auth/sign-in", { data: { email, password: temporaryPassword(role) } });
  if (!signedIn.ok()) throw new Error(`signing in as ${role} with the temporary password failed: ${signedIn.status()} ${await signedIn.text()}`);
  const changed = await context.post("/api/me/password", {
    data: { current_password: temporaryPassword(role), new_password: password, confirm_password: password },
  });
  if (!changed.ok()) throw new Error(`choosing the ${role} password failed: ${changed.status()} ${await changed.text()}`);
}

async function signIn(context: Awaited<ReturnType<typeof request.newContext>>, role: keyof typeof ACCOUNTS) {
  const { email, password } = ACCOUNTS[role];
  const response = await context.post("/api/auth/sign-in", { data: { email, password } });
  if (!response.ok()) throw new Error(`signing in as ${role} failed: ${response.status()} ${await response.text()}`);
}

/**
 * The port answers before the server has finished starting (the database
 * opened and migrated, the first admin made): on a busy machine that takes
 * longer than one request's timeout, so wait for /api/health to say the
 * database is up before signing in.
 */
async function untilDatabaseReady() {
  const deadline = Date.now() + 180_000;
  const health = await request.newContext({ baseURL: E2E_APP_URL });
  try {
    for (;;) {
      const response = await health.get("/api/health", { timeout: 60_000 }).catch(() => null);
      const body = response ? ((await response.json().catch(() => null)) as { data?: { database?: string } } | null) : null;
      if (body?.data?.database === "ok") return;
      if (Date.now() > deadline) throw new Error(`the dashboard at ${E2E_APP_URL} did not report its database ready within 3 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await health.dispose();
  }
}
