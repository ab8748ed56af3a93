import { beforeAll, describe, expect, it } from "vitest";
import { configureInMemoryApp, signedInUser, signInAsFirstAdmin } from "@/tests/support/app-accounts";

/**
 * The sign-in throttle against the real auth stack: attempts are counted
 * before the password is checked, delays grow instead of locking accounts,
 * and neither the counters nor the audit log grow without bound.
 */
configureInMemoryApp();
const { signIn } = await import("@/lib/auth/sign-in.server");
const { appDatabase } = await import("@/lib/db/app-database.server");
const { FIRST_DELAY_SECONDS } = await import("@/lib/auth/sign-in-throttle.server");
const { sql } = await import("kysely");

let account: { email: string; password: string };

beforeAll(async () => {
  await signInAsFirstAdmin();
  const user = await signedInUser("staff");
  account = { email: user.email, password: user.password };
});

const attempt = (email: string, password: string, ip: string) =>
  signIn({ email, password, ip, requestId: `req-${ip}`, headers: new Headers({ "user-agent": "vitest" }) });

async function ageCounters(seconds: number) {
  const { db } = await appDatabase();
  await sql`update sign_in_throttle set last_failure_at = last_failure_at - make_interval(secs => ${seconds})`.execute(db);
}

describe("parallel guesses", () => {
  it("50 wrong passwords at once for one account: at most 5 reach the password check, and the rest wait", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => attempt(account.email, "wrong-password-guess", "198.51.100.7")));
    const checked = results.filter((result) => !result.ok && result.status === 401);
    const refused = results.filter((result) => !result.ok && result.status === 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + refused.length).toBe(50);
    for (const result of refused) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Even the right password waits, from that address...
    const right = await attempt(account.email, account.password, "198.51.100.7");
    expect(right).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    // ...but the account is not locked: its owner, elsewhere, signs in.
    expect(await attempt(account.email, account.password, "203.0.113.99")).toMatchObject({ ok: true });
  });
});

describe("progressive delays", () => {
  it("after the free failures each further failure doubles the wait, and waiting it out lets one more attempt through", async () => {
    const ip = "198.51.100.8";
    for (let index = 0; index < 5; index += 1) expect(await attempt(account.email, "wrong-password-guess", ip)).toMatchObject({ status: 401 });
    const first = await attempt(account.email, "wrong-password-guess", ip);
    expect(first).toMatchObject({ status: 429 });
    if (first.ok) throw new Error("unreachable");
    expect(first.retryAfterSeconds).toBeGreaterThan(FIRST_DELAY_SECONDS - 3);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);

    await ageCounters(FIRST_DELAY_SECONDS + 1);
    expect(await attempt(account.email, "wrong-password-guess", ip)).toMatchObject({ status: 401 });
    const second = await attempt(account.email, "wrong-password-guess", ip);
    if (second.ok) throw new Error("unreachable");
    expect(second.retryAfterSeconds).toBeGreaterThan(2 * FIRST_DELAY_SECONDS - 3);

    await ageCounters(2 * FIRST_DELAY_SECONDS + 1);
    expect(await attempt(account.email, account.password, ip)).toMatchObject({ ok: true });
    // A success forgives the account's failures at that address.
    for (let index = 0; index < 5; index += 1) expect(await attempt(account.email, "wrong-password-guess", ip)).toMatchObject({ status: 401 });
  });

  it("one address trying one password on many accounts is slowed after 20 failures; other addresses are not", async () => {
    const ip = "198.51.100.9";
    for (let index = 0; index < 20; index += 1) expect(await attempt(`spray-${index}@example.com`, "Summer2026!", ip)).toMatchObject({ status: 401 });
    expect(await attempt(account.email, account.password, ip)).toMatchObject({ status: 429 });
    expect(await attempt(account.email, account.password, "198.51.100.10")).toMatchObject({ ok: true });
  });
});

describe("bounded tables", () => {
  it("counters quiet for an hour are removed", async () => {
    const { pruneQuietCounters } = await import("@/lib/auth/sign-in-throttle.server");
    const { db } = await appDatabase();
    await attempt("quiet@example.com", "wrong-password-guess", "198.51.100.11");
    await ageCounters(61 * 60);
    await attempt("fresh@example.com", "wrong-password-guess", "198.51.100.12");
    await pruneQuietCounters({ force: true });
    const keys = (await db.selectFrom("sign_in_throttle").select("key").execute()).map((row) => row.key);
    expect(keys.some((key) => key.startsWith("fresh@example.com|"))).toBe(true);
    expect(keys.some((key) => key.startsWith("quiet@example.com|") || key === "198.51.100.11")).toBe(false);
  });

  it("repeated rejected sign-ins for one account are one audit row per hour, counting them", async () => {
    const { db } = await appDatabase();
    const email = "hammered@example.com";
    for (let index = 0; index < 8; index += 1) await attempt(email, "wrong-password-guess", `198.51.100.${50 + index}`);
    const rows = await db.selectFrom("audit_log").selectAll().where("actor_email", "=", email).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "sign_in", outcome: "rejected", repeat_count: 8 });

    // The next hour starts a new row.
    await sql`update audit_log set hour_bucket = hour_bucket - interval '1 hour', occurred_at = occurred_at - interval '1 hour' where actor_email = ${email}`.execute(
      db,
    );
    await attempt(email, "wrong-password-guess", "198.51.100.70");
    expect(await db.selectFrom("audit_log").select("repeat_count").where("actor_email", "=", email).orderBy("id").execute()).toEqual([
      { repeat_count: 8 },
      { repeat_count: 1 },
    ]);
  });
});
