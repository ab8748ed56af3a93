import { beforeAll, expect, it } from "vitest";

/** On the sandbox without ADMIN_EMAIL/ADMIN_PASSWORD, the demo admin's printed password is temporary. */
process.env.APP_DATA_DIR = "memory";
process.env.APP_URL = "http://desk.test";
process.env.TRADESDESK_SANDBOX = "1";
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;
process.env.LOG_LEVEL = "silent";

const { appDatabase } = await import("@/lib/db/app-database.server");
const { DEMO_ADMIN_EMAIL, ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
const { signIn } = await import("@/lib/auth/sign-in.server");
const { getCurrentUser } = await import("@/lib/auth/current-user.server");

// Opening the database is the slow part; the hook has the longer timeout.
beforeAll(async () => {
  await appDatabase();
});

it("the demo admin must choose a password at the first sign-in", async () => {
  const lines: string[] = [];
  const original = console.log;
  console.log = (message: string) => lines.push(message);
  try {
    await ensureFirstAdmin();
  } finally {
    console.log = original;
  }
  const password = /password:\s+(\S+)/.exec(lines.join("\n"))?.[1];
  expect(password).toBeTruthy();
  const result = await signIn({ email: DEMO_ADMIN_EMAIL, password: password!, ip: "203.0.113.1", requestId: "test", headers: new Headers() });
  if (!result.ok) throw new Error(result.message);
  const cookie = result.setCookies[0]!.split(";")[0]!;
  expect(await getCurrentUser(new Headers({ cookie }))).toMatchObject({ role: "admin", pendingStep: "password_change" });
});
