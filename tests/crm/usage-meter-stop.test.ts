import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The usage meter keeps counts in memory for up to a second: a clean stop
 * must still write every one of them. A child process counts, is sent the
 * signal within that second (and, like next start, counts more as it stops
 * and exits at once); afterwards the
 * app database holds them all. On the Postgres pass the child uses this
 * file's database; otherwise a PGlite directory opened here once it is gone.
 */
process.env.LOG_LEVEL = "silent";
const dataDir = mkdtempSync(join(tmpdir(), "tradesdesk-meter-"));
if (!process.env.DATABASE_URL) process.env.APP_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function countThenStop(signal: "SIGTERM" | "SIGINT", args: string[] = []): Promise<number | null> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/crm/support/usage-meter-child.ts", ...args], {
    env: { ...process.env, APP_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("counted")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the child ended early (${code})`)));
  });
  // Well within the meter's one-second flush: what is written now, the stop wrote.
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    }),
  );
}

async function storedCount(): Promise<number> {
  const { appDatabase } = await import("@/lib/db/app-database.server");
  const { usageMonth } = await import("@/lib/crm/usage-meter.server");
  const { db } = await appDatabase();
  const row = await db.selectFrom("crm_usage").select("request_count").where("month", "=", usageMonth(new Date())).executeTakeFirst();
  return row?.request_count ?? 0;
}

describe("the usage meter on a clean stop", () => {
  it("writes every count on SIGTERM, those made while stopping included, when the server exits at once (next start)", async () => {
    await countThenStop("SIGTERM", ["--exit-like-next"]);
    // PGlite allows one process: this one opens the directory only now.
    expect(await storedCount()).toBe(12);
  }, 60_000);

  it("writes them on SIGINT with no other handler, and the process still ends", async () => {
    const before = await storedCount();
    if (!process.env.DATABASE_URL) {
      const holder = globalThis as typeof globalThis & { __tradesdeskDatabase?: Promise<{ db: { destroy(): Promise<void> } }> };
      await (await holder.__tradesdeskDatabase)?.db.destroy();
      holder.__tradesdeskDatabase = undefined;
    }
    expect(await countThenStop("SIGINT")).toBe(130);
    expect((await storedCount()) - before).toBe(7);
  }, 60_000);
});
