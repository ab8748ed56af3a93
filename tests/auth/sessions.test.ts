import { beforeAll, describe, expect, it } from "vitest";

/**
 * Session lifetimes and cookie attributes, against the real auth stack on an
 * in-memory database, served as if over HTTPS.
 */
process.env.APP_DATA_DIR = "memory";
process.env.APP_URL = "https://desk.example.com";
process.env.ADMIN_EMAIL = "first-admin@example.com";
process.env.ADMIN_PASSWORD = "first-admin-password";
process.env.SESSION_IDLE_MINUTES = "120";
process.env.SESSION_ABSOLUTE_HOURS = "12";
process.env.LOG_LEVEL = "silent";

const { appDatabase } = await import("@/lib/db/app-database.server");
const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
const { signIn } = await import("@/lib/auth/sign-in.server");
const { getCurrentUser } = await import("@/lib/auth/current-user.server");
const { sql } = await import("kysely");

async function signInAsAdmin() {
  const result = await signIn({
    email: "first-admin@example.com",
    password: "first-admin-password",
    ip: "203.0.113.5",
    requestId: "test",
    headers: new Headers({ "user-agent": "vitest" }),
  });
  if (!result.ok) throw new Error(result.message);
  const cookie = result.setCookies[0]!;
  return { cookie, header: new Headers({ cookie: cookie.split(";")[0]! }) };
}

beforeAll(async () => {
  await appDatabase();
  await ensureFirstAdmin();
});

describe("over HTTPS", () => {
  it("the session cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax and lives no longer than the absolute limit", async () => {
    const { cookie } = await signInAsAdmin();
    expect(cookie).toMatch(/^__Host-tradesdesk\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
  });
});

describe("session lifetimes", () => {
  it("a fresh session identifies its user", async () => {
    const { header } = await signInAsAdmin();
    expect(await getCurrentUser(header)).toMatchObject({ email: "first-admin@example.com", role: "admin" });
  });

  it("a session idle past SESSION_IDLE_MINUTES is over", async () => {
    const { header } = await signInAsAdmin();
    const { db } = await appDatabase();
    await sql`update "session" set "expiresAt" = now() - interval '1 minute' where "userId" = (select id from "user" where email = 'first-admin@example.com')`.execute(
      db,
    );
    expect(await getCurrentUser(header)).toBeNull();
  });

  it("a session older than SESSION_ABSOLUTE_HOURS is over even while in use, and is removed", async () => {
    const { header } = await signInAsAdmin();
    const { db } = await appDatabase();
    await sql`update "session" set "createdAt" = now() - interval '13 hours' where "expiresAt" > now()`.execute(db);
    expect(await getCurrentUser(header)).toBeNull();
    const live = await sql<{ count: number }>`select count(*)::int as count from "session" where "expiresAt" > now()`.execute(db);
    expect(live.rows[0]?.count).toBe(0);
  });

  it("a role the dashboard does not know grants nothing", async () => {
    const { header } = await signInAsAdmin();
    const { db } = await appDatabase();
    await sql`update "user" set role = 'superadmin' where email = 'first-admin@example.com'`.execute(db);
    expect(await getCurrentUser(header)).toBeNull();
    await sql`update "user" set role = 'admin' where email = 'first-admin@example.com'`.execute(db);
  });

  it("passwords are stored as slow hashes, never as typed", async () => {
    const { db } = await appDatabase();
    const row = await sql<{
      password: string;
    }>`select password from account where "userId" = (select id from "user" where email = 'first-admin@example.com')`.execute(db);
    const stored = row.rows[0]!.password;
    expect(stored).not.toContain("first-admin-password");
    // Better Auth's default: scrypt, as salt:hash in hex.
    expect(stored).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });
});
