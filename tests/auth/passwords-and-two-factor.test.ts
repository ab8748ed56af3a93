import { beforeAll, describe, expect, it } from "vitest";
import { secretFromUri, totpCode } from "@/tests/support/totp";

/**
 * Passwords and two-factor sign-in, through the real route handlers, the real
 * auth stack and an in-memory database: temporary passwords, changing one's
 * own, the common-password list, TOTP enrolment and sign-in, backup codes and
 * the admins-must-use-two-factor setting.
 */
process.env.APP_DATA_DIR = "memory";
process.env.APP_URL = "http://desk.test";
process.env.ADMIN_EMAIL = "boss@example.com";
process.env.ADMIN_PASSWORD = "boss-first-password";
process.env.LOG_LEVEL = "silent";

const ORIGIN = "http://desk.test";
const { appDatabase } = await import("@/lib/db/app-database.server");
const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
const { commonPasswordCount, isCommonPassword, COMMON_PASSWORD_MESSAGE } = await import("@/lib/passwords/common-passwords.server");
const signInRoute = await import("@/app/api/auth/sign-in/route");
const twoFactorSignInRoute = await import("@/app/api/auth/two-factor/route");
const meRoute = await import("@/app/api/me/route");
const mePasswordRoute = await import("@/app/api/me/password/route");
const meTwoFactorRoute = await import("@/app/api/me/two-factor/route");
const meTwoFactorVerifyRoute = await import("@/app/api/me/two-factor/verify/route");
const meTwoFactorDisableRoute = await import("@/app/api/me/two-factor/disable/route");
const usersRoute = await import("@/app/api/admin/users/route");
const resetRoute = await import("@/app/api/admin/users/[id]/password/route");
const settingsRoute = await import("@/app/api/admin/settings/route");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A browser of one: keeps its cookies between calls, like the real one. */
class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly ip = "203.0.113.10") {}

  async call(handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
    // The address the server stamps from the socket (lib/api/client-address.server.ts).
    const { PEER_ADDRESS_HEADER, peerAddressStamp } = await import("@/lib/api/client-address.server");
    const headers = new Headers({ origin: ORIGIN, [PEER_ADDRESS_HEADER]: peerAddressStamp(this.ip), "user-agent": "vitest" });
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (cookie) headers.set("cookie", cookie);
    if (body !== undefined) headers.set("content-type", "application/json");
    const response = await handler(new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
      params: Promise.resolve(params),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const expired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim()));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), rest.join("="));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the envelope's data differs per route; the tests read it loosely
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  signIn(email: string, password: string) {
    return this.call(signInRoute.POST as Handler, "POST", "/api/auth/sign-in", { email, password });
  }
}

async function signedIn(email: string, password: string, ip?: string) {
  const client = new Client(ip);
  const result = await client.signIn(email, password);
  expect(result.status).toBe(200);
  return client;
}

const admin = { email: "boss@example.com", password: "boss-first-password" };
let bossClient: Client;

async function createUser(email: string, password: string, role = "staff") {
  return bossClient.call(usersRoute.POST as Handler, "POST", "/api/admin/users", { name: "Pat Person", email, role, password });
}

async function changeOwnPassword(client: Client, current: string, next: string) {
  return client.call(mePasswordRoute.POST as Handler, "POST", "/api/me/password", { current_password: current, new_password: next, confirm_password: next });
}

beforeAll(async () => {
  await appDatabase();
  await ensureFirstAdmin();
  bossClient = await signedIn(admin.email, admin.password);
});

describe("the common-password list", () => {
  it("holds the 100,000 most common passwords, checked without regard to case", () => {
    expect(commonPasswordCount()).toBeGreaterThan(95_000);
    for (const password of ["password", "PASSWORD1", "Qwerty123", "iloveyou", "1q2w3e4r5t"]) expect(isCommonPassword(password), password).toBe(true);
    expect(isCommonPassword("correct horse battery staple tradesdesk")).toBe(false);
  });

  it("the first admin's own password is not temporary", async () => {
    expect((await bossClient.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.pending_step).toBeNull();
  });
});

describe("temporary passwords", () => {
  it("an admin cannot create a user with a common password; the message is on the password field", async () => {
    const result = await createUser("common@example.com", "Password123");
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ success: false, code: "validation", fields: { password: COMMON_PASSWORD_MESSAGE } });
  });

  it("a new user must choose their own password before any other route answers", async () => {
    expect((await createUser("pat@example.com", "pat-temporary-1")).status).toBe(201);
    const pat = await signedIn("pat@example.com", "pat-temporary-1");
    const me = await pat.call(meRoute.GET as Handler, "GET", "/api/me");
    expect(me.body.data.pending_step).toBe("password_change");
    const blocked = await pat.call(settingsRoute.GET as Handler, "GET", "/api/admin/settings");
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ success: false, code: "password_change_required" });
    expect(blocked.body.error).toMatch(/choose a new one/i);

    // A common password, or the temporary one again, is refused on the new-password field.
    const common = await changeOwnPassword(pat, "pat-temporary-1", "iloveyou123");
    expect(common.status).toBe(400);
    expect(common.body.fields).toEqual({ new_password: COMMON_PASSWORD_MESSAGE });
    const same = await changeOwnPassword(pat, "pat-temporary-1", "pat-temporary-1");
    expect(same.body.fields).toEqual({ new_password: "Choose a password different from the current one." });

    expect((await changeOwnPassword(pat, "pat-temporary-1", "pat-own-choice-2")).status).toBe(200);
    expect((await pat.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.pending_step).toBeNull();
  });

  it("an admin reset makes the password temporary again, and a common one is refused", async () => {
    const users = await bossClient.call(usersRoute.GET as Handler, "GET", "/api/admin/users");
    const pat = (users.body.data.users as Array<{ id: string; email: string }>).find((user) => user.email === "pat@example.com")!;
    const resetPath = `/api/admin/users/${pat.id}/password`;
    const common = await bossClient.call(resetRoute.POST as Handler, "POST", resetPath, { password: "football123" }, { id: pat.id });
    expect(common.status).toBe(400);
    expect(common.body.fields).toEqual({ password: COMMON_PASSWORD_MESSAGE });

    expect((await bossClient.call(resetRoute.POST as Handler, "POST", resetPath, { password: "pat-reset-by-admin-3" }, { id: pat.id })).status).toBe(200);
    const client = await signedIn("pat@example.com", "pat-reset-by-admin-3");
    expect((await client.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.pending_step).toBe("password_change");
    expect((await client.call(settingsRoute.GET as Handler, "GET", "/api/admin/settings")).body.code).toBe("password_change_required");
  });
});

describe("changing one's own password", () => {
  it("needs the current password, on its field; ends the other sessions and keeps this one", async () => {
    expect((await createUser("sam@example.com", "sam-temporary-1", "admin")).status).toBe(201);
    const first = await signedIn("sam@example.com", "sam-temporary-1");
    expect((await changeOwnPassword(first, "sam-temporary-1", "sam-chosen-pass-2")).status).toBe(200);
    const laptop = await signedIn("sam@example.com", "sam-chosen-pass-2");
    const phone = await signedIn("sam@example.com", "sam-chosen-pass-2");

    const wrong = await changeOwnPassword(laptop, "not-my-password", "sam-chosen-pass-3");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "validation", fields: { current_password: "That is not your current password." } });

    expect((await changeOwnPassword(laptop, "sam-chosen-pass-2", "sam-chosen-pass-3")).status).toBe(200);
    expect((await laptop.call(meRoute.GET as Handler, "GET", "/api/me")).status).toBe(200);
    expect((await phone.call(meRoute.GET as Handler, "GET", "/api/me")).status).toBe(401);
    expect((await new Client().signIn("sam@example.com", "sam-chosen-pass-2")).status).toBe(401);
    await signedIn("sam@example.com", "sam-chosen-pass-3");

    const { db } = await appDatabase();
    const audit = await db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("action", "=", "password_change")
      .where("actor_email", "=", "sam@example.com")
      .execute();
    expect(audit.map((row) => row.outcome).sort()).toEqual(["accepted", "accepted", "rejected"]);
  });
});

describe("two-factor sign-in", () => {
  async function enrol(client: Client, password: string) {
    const started = await client.call(meTwoFactorRoute.POST as Handler, "POST", "/api/me/two-factor", { password });
    expect(started.status).toBe(200);
    const { totp_uri: uri, secret, backup_codes: backupCodes } = started.body.data as { totp_uri: string; secret: string; backup_codes: string[] };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(secretFromUri(uri)).toBe(secret);
    expect(backupCodes.length).toBeGreaterThanOrEqual(8);

    const wrong = await client.call(meTwoFactorVerifyRoute.POST as Handler, "POST", "/api/me/two-factor/verify", {
      code: totpCode(secret, Date.now() - 10 * 60_000),
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.fields)).toEqual(["code"]);
    expect((await client.call(meTwoFactorVerifyRoute.POST as Handler, "POST", "/api/me/two-factor/verify", { code: totpCode(secret) })).status).toBe(200);
    expect((await client.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.two_factor_enabled).toBe(true);
    return { secret, backupCodes };
  }

  it("enrolment with a computed code; sign-in then asks for a code; wrong codes count as failed sign-ins", async () => {
    expect((await createUser("tia@example.com", "tia-temporary-1")).status).toBe(201);
    const tia = await signedIn("tia@example.com", "tia-temporary-1");
    expect((await changeOwnPassword(tia, "tia-temporary-1", "tia-own-password-2")).status).toBe(200);
    const wrongPassword = await tia.call(meTwoFactorRoute.POST as Handler, "POST", "/api/me/two-factor", { password: "not-it-at-all" });
    expect(wrongPassword.body.fields).toEqual({ password: "That is not your password." });
    const { secret, backupCodes } = await enrol(tia, "tia-own-password-2");

    const browser = new Client("203.0.113.77");
    const step1 = await browser.signIn("tia@example.com", "tia-own-password-2");
    expect(step1.status).toBe(200);
    expect(step1.body.data).toEqual({ two_factor_required: true });
    // The password alone is no session.
    expect((await browser.call(meRoute.GET as Handler, "GET", "/api/me")).status).toBe(401);

    const wrong = await browser.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", {
      code: "000000" === totpCode(secret) ? "111111" : "000000",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.code).toMatch(/not right/);
    const { db } = await appDatabase();
    // The right password with a code still due, and the wrong code: two failures of this account at this address.
    const counter = () =>
      db.selectFrom("sign_in_throttle").select("failures").where("scope", "=", "account_ip").where("key", "=", "tia@example.com|203.0.113.77").execute();
    expect(await counter()).toEqual([{ failures: 2 }]);

    const right = await browser.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: totpCode(secret) });
    expect(right.status).toBe(200);
    expect(right.body.data.user.email).toBe("tia@example.com");
    expect((await browser.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.email).toBe("tia@example.com");
    // A complete sign-in clears the account's failures, as the password step did before.
    expect(await counter()).toEqual([]);
    const entries = await db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("action", "=", "sign_in")
      .where("actor_email", "=", "tia@example.com")
      .orderBy("id")
      .execute();
    expect(entries.slice(-2)).toEqual([
      { outcome: "rejected", detail: "wrong two-factor code" },
      { outcome: "accepted", detail: "with an authenticator code" },
    ]);

    // A backup code works once.
    const backup = backupCodes[0]!;
    const withBackup = new Client("203.0.113.78");
    await withBackup.signIn("tia@example.com", "tia-own-password-2");
    expect((await withBackup.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: backup })).status).toBe(200);
    const again = new Client("203.0.113.79");
    await again.signIn("tia@example.com", "tia-own-password-2");
    const reused = await again.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: backup });
    expect(reused.status).toBe(400);
    expect((await again.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: backupCodes[1]! })).status).toBe(200);
  });

  it("without a pending sign-in, a code gets 401 and counts for nothing", async () => {
    const stranger = new Client("203.0.113.90");
    const result = await stranger.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: "123456" });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ success: false, code: "unauthenticated" });
  });

  it("wrong codes are throttled like wrong passwords, at that address, without locking the account elsewhere", async () => {
    expect((await createUser("uma@example.com", "uma-temporary-1")).status).toBe(201);
    const uma = await signedIn("uma@example.com", "uma-temporary-1");
    expect((await changeOwnPassword(uma, "uma-temporary-1", "uma-own-password-2")).status).toBe(200);
    const { secret } = await enrol(uma, "uma-own-password-2");
    const wrongCode = totpCode(secret) === "999999" ? "888888" : "999999";
    // Each round counts twice until a code is right: the password step (no session yet) and the wrong code.
    const browser = new Client("198.51.100.1");
    for (let round = 0; round < 2; round += 1) {
      expect((await browser.signIn("uma@example.com", "uma-own-password-2")).status).toBe(200);
      expect((await browser.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: wrongCode })).status).toBe(400);
    }
    expect((await browser.signIn("uma@example.com", "uma-own-password-2")).status).toBe(200);
    const refused = await browser.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: totpCode(secret) });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("rate_limited");
    // Uma, elsewhere, is not locked out by what happened at that address.
    const elsewhere = new Client("198.51.100.50");
    expect((await elsewhere.signIn("uma@example.com", "uma-own-password-2")).status).toBe(200);
    expect((await elsewhere.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: totpCode(secret) })).status).toBe(200);
  });

  it("an admin can require two-factor for admins: admins without it must set it up first, and cannot turn it off", async () => {
    const turnOn = await bossClient.call(settingsRoute.PATCH as Handler, "PATCH", "/api/admin/settings", { require_two_factor_for_admins: true });
    expect(turnOn.status).toBe(200);
    try {
      const blocked = await bossClient.call(usersRoute.GET as Handler, "GET", "/api/admin/users");
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe("two_factor_setup_required");
      expect((await bossClient.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.pending_step).toBe("two_factor_setup");

      const { secret } = await enrol(bossClient, admin.password);
      expect((await bossClient.call(usersRoute.GET as Handler, "GET", "/api/admin/users")).status).toBe(200);
      const disable = await bossClient.call(meTwoFactorDisableRoute.POST as Handler, "POST", "/api/me/two-factor/disable", { password: admin.password });
      expect(disable.status).toBe(409);

      // Staff are not affected by the rule.
      expect((await createUser("val@example.com", "val-temporary-1")).status).toBe(201);
      const val = await signedIn("val@example.com", "val-temporary-1");
      expect((await changeOwnPassword(val, "val-temporary-1", "val-own-password-2")).status).toBe(200);
      expect((await val.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.pending_step).toBeNull();

      // The boss signs in again with a code.
      const fresh = new Client("203.0.113.120");
      expect((await fresh.signIn(admin.email, admin.password)).body.data.two_factor_required).toBe(true);
      expect((await fresh.call(twoFactorSignInRoute.POST as Handler, "POST", "/api/auth/two-factor", { code: totpCode(secret) })).status).toBe(200);
      bossClient = fresh;
    } finally {
      expect((await bossClient.call(settingsRoute.PATCH as Handler, "PATCH", "/api/admin/settings", { require_two_factor_for_admins: false })).status).toBe(
        200,
      );
    }
    const off = await bossClient.call(meTwoFactorDisableRoute.POST as Handler, "POST", "/api/me/two-factor/disable", { password: admin.password });
    expect(off.status).toBe(200);
    expect((await bossClient.call(meRoute.GET as Handler, "GET", "/api/me")).body.data.two_factor_enabled).toBe(false);
  });
});
