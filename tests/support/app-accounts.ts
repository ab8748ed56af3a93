/**
 * Accounts of every role on the app's own auth stack (in-memory PGlite), for
 * integration tests that call route handlers the way Next.js does. Import it
 * after setting process.env (tests do that at the top of the file).
 */
import type { Role } from "@/lib/auth/roles";

export const FIRST_ADMIN = { email: "first-admin@example.com", password: "Kettle-harbour-71" };

export function configureInMemoryApp(env: Record<string, string> = {}) {
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL ??= "http://127.0.0.1:3999";
  process.env.ADMIN_EMAIL = FIRST_ADMIN.email;
  process.env.ADMIN_PASSWORD = FIRST_ADMIN.password;
  process.env.LOG_LEVEL = "silent";
  Object.assign(process.env, env);
}

export interface SignedIn {
  id: string;
  email: string;
  password: string;
  /** Request headers carrying the session cookie, as a browser on the dashboard's origin sends them. */
  headers: Headers;
}

let counter = 0;

export async function signInAs(email: string, password: string, ip = "203.0.113.10"): Promise<SignedIn> {
  const { signIn } = await import("@/lib/auth/sign-in.server");
  const result = await signIn({ email, password, ip, requestId: "test", headers: new Headers({ "user-agent": "vitest" }) });
  if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.message}`);
  if (result.twoFactorRequired) throw new Error(`${email} uses two-factor sign-in; these helpers sign in with a password only`);
  const cookie = result.setCookies.map((line) => line.split(";")[0]).join("; ");
  return { id: result.user.id, email, password, headers: new Headers({ cookie, "sec-fetch-site": "same-origin" }) };
}

/** Signs in as the first admin (created from ADMIN_EMAIL on first use). */
export async function signInAsFirstAdmin(): Promise<SignedIn> {
  const { appDatabase } = await import("@/lib/db/app-database.server");
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  await appDatabase();
  await ensureFirstAdmin();
  return signInAs(FIRST_ADMIN.email, FIRST_ADMIN.password);
}

/** A new account of the role, created by the first admin, and signed in. */
export async function signedInUser(role: Role): Promise<SignedIn> {
  const admin = await signInAsFirstAdmin();
  const { createUser } = await import("@/lib/users/manage-users.server");
  const { getCurrentUser } = await import("@/lib/auth/current-user.server");
  const actor = await getCurrentUser(admin.headers);
  if (!actor) throw new Error("the first admin has no session");
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@example.com`;
  const temporary = `Lantern-${counter}-orchard-${role}`;
  await createUser({ name: `Test ${role}`, email, role, password: temporary }, { actor, requestId: "test", headers: admin.headers });
  // A password an admin sets is temporary: replace it, as the person would at their first sign-in.
  const first = await signInAs(email, temporary);
  const person = await getCurrentUser(first.headers);
  if (!person) throw new Error(`${email} has no session`);
  const { changeOwnPassword } = await import("@/lib/account/change-password.server");
  const password = `${temporary}-own`;
  await changeOwnPassword(
    { current_password: temporary, new_password: password, confirm_password: password },
    { user: person, requestId: "test", headers: first.headers },
  );
  return signInAs(email, password);
}

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Calls a route handler as Next.js would, with the caller's session. */
export async function callRoute(
  handler: RouteHandler,
  url: string,
  init: RequestInit & { as?: SignedIn; params?: Record<string, string> } = {},
): Promise<{ status: number; body: { success: boolean; data?: unknown; error?: string; code?: string; fields?: Record<string, string> }; headers: Headers }> {
  const headers = new Headers(init.as?.headers ?? { "sec-fetch-site": "same-origin" });
  for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
  const request = new Request(new URL(url, process.env.APP_URL), { ...init, headers });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}
