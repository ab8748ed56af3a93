import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";

/**
 * One sync pass at a time across instances (lib/mirror/sync-lock.server.ts:
 * a Postgres session advisory lock), and another instance takes over when the
 * holder dies: a child process takes the lock, this process is refused it,
 * the child is killed with SIGKILL (no clean-up of its own runs), and this
 * process then gets the lock. Postgres only: PGlite is one process's
 * database, where the lock is a flag in that process. Runs in npm test's
 * Postgres pass (TEST_POSTGRES_URL gives this file its own database).
 */
process.env.LOG_LEVEL = "silent";
const databaseUrl = process.env.DATABASE_URL;
const scope = `takeover-${process.pid}`;

const children: Array<ReturnType<typeof spawn>> = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

function startHolder(): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/mirror/support/sync-lock-holder.ts", scope], {
    env: { ...process.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let said = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("holding")) resolve(child);
      else if (said.includes("not acquired")) reject(new Error("the child did not get the lock"));
    });
    child.on("exit", (code) => reject(new Error(`the child ended before holding the lock (${code})`)));
  });
}

describe.runIf(databaseUrl)("the sync lock between instances", () => {
  it("refuses a second runner while the holder lives, and hands over when the holder is killed", async () => {
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { withSyncLock } = await import("@/lib/mirror/sync-lock.server");
    // Migrated here first, so the child does not race this process to it.
    expect((await appDatabase()).kind).toBe("postgres");

    const holder = await startHolder();
    let ran = false;
    const refused = await withSyncLock(scope, async () => {
      ran = true;
    });
    expect(refused.acquired).toBe(false);
    expect(ran).toBe(false);

    const dead = new Promise((resolve) => holder.once("exit", resolve));
    holder.kill("SIGKILL");
    await dead;
    // Postgres ends the dead client's session once it sees the connection closed, and its locks with it.
    let takenOver = false;
    for (const ends = Date.now() + 15_000; !takenOver && Date.now() < ends;) {
      const attempt = await withSyncLock(scope, async () => "this instance's pass");
      takenOver = attempt.acquired && attempt.value === "this instance's pass";
      if (!takenOver) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(takenOver).toBe(true);
  }, 60_000);
});
