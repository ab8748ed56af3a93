import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, configureInMemoryApp, signedInUser, signInAsFirstAdmin, type SignedIn } from "../support/app-accounts";

/**
 * The short in-memory session cache (lib/auth/session-cache.server.ts, ADR-024):
 * a checked cookie is answered from memory for SESSION_CACHE_SECONDS, and
 * everything that ends a session or changes what its owner may do counts
 * from the very next request. Real auth stack, in-memory PGlite; in npm
 * test's Postgres pass also another instance's sign-out, heard over NOTIFY.
 */
configureInMemoryApp({ SESSION_CACHE_SECONDS: "30" });

const { getCurrentUser } = await import("@/lib/auth/current-user.server");
const { updateUser, resetPassword } = await import("@/lib/users/manage-users.server");
const { setTwoFactorRequiredForAdmins } = await import("@/lib/auth/account-setup.server");
const { appDatabase } = await import("@/lib/db/app-database.server");
const { sql } = await import("kysely");

let admin: SignedIn;
const adminContext = async () => ({ actor: (await getCurrentUser(admin.headers))!, requestId: "test", headers: admin.headers });

const databaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  admin = await signInAsFirstAdmin();
  // On Postgres an instance remembers sessions only while it hears the others, as the server does from its start.
  const { listenForInvalidations } = await import("@/lib/crm/cache-invalidation.server");
  await listenForInvalidations(databaseUrl, () => undefined);
});

afterAll(async () => {
  const { stopListening } = await import("@/lib/crm/cache-invalidation.server");
  await stopListening();
});

describe("the session cache", () => {
  it("answers a cookie checked moments ago without reading the session again", async () => {
    const person = await signedInUser("staff");
    expect(await getCurrentUser(person.headers)).toMatchObject({ email: person.email, role: "staff" });
    // Behind the dashboard's back (nothing announces this): the remembered session still answers.
    const { db } = await appDatabase();
    await sql`update "user" set name = 'Renamed directly' where id = ${person.id}`.execute(db);
    expect(await getCurrentUser(person.headers)).toMatchObject({ name: "Test staff" });
  });

  it("a role change takes effect at the person's next request", async () => {
    const person = await signedInUser("staff");
    expect((await getCurrentUser(person.headers))?.role).toBe("staff");
    await updateUser(person.id, { role: "viewer" }, await adminContext());
    expect((await getCurrentUser(person.headers))?.role).toBe("viewer");
  });

  it("a deactivation ends the session at once", async () => {
    const person = await signedInUser("staff");
    expect(await getCurrentUser(person.headers)).not.toBeNull();
    await updateUser(person.id, { active: false }, await adminContext());
    expect(await getCurrentUser(person.headers)).toBeNull();
  });

  it("a password reset by an admin ends the session at once", async () => {
    const person = await signedInUser("viewer");
    expect(await getCurrentUser(person.headers)).not.toBeNull();
    await resetPassword(person.id, "Completely-new-pass-42", await adminContext());
    expect(await getCurrentUser(person.headers)).toBeNull();
  });

  it("sign-out ends the session at once, and the same cookie is refused afterwards", async () => {
    const person = await signedInUser("staff");
    const signOut = await import("@/app/api/auth/sign-out/route");
    const me = await import("@/app/api/me/route");
    expect((await callRoute(me.GET, "/api/me", { as: person })).status).toBe(200);
    expect((await callRoute(signOut.POST, "/api/auth/sign-out", { method: "POST", as: person })).status).toBe(200);
    expect(await getCurrentUser(person.headers)).toBeNull();
    expect((await callRoute(me.GET, "/api/me", { as: person })).status).toBe(401);
  });

  it("a new account-wide rule (two-factor for admins) reaches remembered sessions at once", async () => {
    const other = await signedInUser("admin");
    expect((await getCurrentUser(other.headers))?.pendingStep).toBeNull();
    await setTwoFactorRequiredForAdmins(true);
    try {
      expect((await getCurrentUser(other.headers))?.pendingStep).toBe("two_factor_setup");
    } finally {
      await setTwoFactorRequiredForAdmins(false);
    }
  });

  it("a cookie that appears twice is never answered from memory", async () => {
    const person = await signedInUser("staff");
    const cookie = person.headers.get("cookie")!;
    const { readSessionCookie } = await import("@/lib/auth/session-cache.server");
    const { sessionCookieName } = await import("@/lib/auth/auth.server");
    expect(readSessionCookie(new Headers({ cookie }), sessionCookieName())).not.toBeNull();
    expect(readSessionCookie(new Headers({ cookie: `${cookie}; ${cookie}` }), sessionCookieName())).toBeNull();
  });

  it.runIf(databaseUrl)("a sign-out announced by another instance ends the session here at once", async () => {
    const person = await signedInUser("staff");
    expect(await getCurrentUser(person.headers)).not.toBeNull();
    const { sessionCookieName } = await import("@/lib/auth/auth.server");
    const { readSessionCookie } = await import("@/lib/auth/session-cache.server");
    const { default: pg } = await import("pg");
    // The other instance: deletes the session and says so, as its sign-out route does.
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    const { db } = await appDatabase();
    await sql`delete from "session" where "userId" = ${person.id}`.execute(db);
    const change = { tokenHashes: [readSessionCookie(person.headers, sessionCookieName())!.tokenHash] };
    await other.query("select pg_notify('tradesdesk_crm_cache', $1)", [JSON.stringify({ from: "another-instance", kind: "sessions", change })]);
    await other.end();
    await expect.poll(() => getCurrentUser(person.headers), { timeout: 2_000, interval: 20 }).toBeNull();
  });
});
