import { describe, expect, it } from "vitest";

/**
 * The record lock across instances: on a shared Postgres the advisory lock
 * makes a save through one instance wait for another instance's save of the
 * same record. Two instances are two connections to the database; here each
 * "instance" is a lock taken on a connection of its own, as each process's
 * lock pool would.
 */
process.env.LOG_LEVEL = "silent";
const postgresUrl = process.env.TEST_POSTGRES_URL;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(postgresUrl)("the record lock on a shared Postgres", () => {
  it("makes a second holder of the same record wait, on another connection, and lets other records through", async () => {
    const { withDatabaseRecordLock } = await import("@/lib/concurrency/record-lock.server");
    const url = process.env.DATABASE_URL!;
    const events: string[] = [];
    const hold = (name: string, key: string, ms: number) =>
      withDatabaseRecordLock(
        key,
        async () => {
          events.push(`${name} in`);
          await tick(ms);
          events.push(`${name} out`);
        },
        url,
      );
    // Neither waits for the other in the process: only the database can order them.
    const first = hold("first", "customer:a", 400);
    await tick(100);
    const second = hold("second", "customer:a", 10);
    const other = hold("other", "customer:b", 10);
    await Promise.all([first, second, other]);
    expect(events.indexOf("second in")).toBeGreaterThan(events.indexOf("first out"));
    expect(events.indexOf("other in")).toBeLessThan(events.indexOf("first out"));
  }, 30_000);

  it("frees the lock when the task fails, and passes the failure on", async () => {
    const { withDatabaseRecordLock } = await import("@/lib/concurrency/record-lock.server");
    const url = process.env.DATABASE_URL!;
    await expect(withDatabaseRecordLock("job:c", async () => Promise.reject(new Error("CRM said no")), url)).rejects.toThrow("CRM said no");
    await expect(withDatabaseRecordLock("job:c", async () => "next save", url)).resolves.toBe("next save");
  }, 30_000);
});
