import { beforeAll, expect, it } from "vitest";

/** ADMIN_PASSWORD goes through the same common-password list as every other password. */
process.env.APP_DATA_DIR = "memory";
process.env.APP_URL = "http://desk.test";
process.env.ADMIN_EMAIL = "first@example.com";
process.env.ADMIN_PASSWORD = "Password123";
process.env.LOG_LEVEL = "silent";

const { appDatabase } = await import("@/lib/db/app-database.server");
const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");

// Opening the database is the slow part; the hook has the longer timeout.
beforeAll(async () => {
  await appDatabase();
});

it("a common ADMIN_PASSWORD makes no admin, and the log says why", async () => {
  const errors: string[] = [];
  const original = console.error;
  console.error = (message: string) => errors.push(message);
  try {
    await ensureFirstAdmin();
  } finally {
    console.error = original;
  }
  const { db } = await appDatabase();
  expect(await db.selectFrom("user").select("id").execute()).toEqual([]);
  expect(errors.join("\n")).toMatch(/ADMIN_PASSWORD is on a list of commonly used passwords/);
});
