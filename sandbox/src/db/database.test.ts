import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migratedStoreSnapshot } from "../testing/store-snapshot";
import { openDatabase, type Database } from "./database";

describe("openDatabase: PGlite's shared_buffers", () => {
  const opened: Database[] = [];
  const temporary: string[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const dir of temporary.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function open(...args: Parameters<typeof openDatabase>): Promise<Database> {
    const db = await openDatabase(...args);
    opened.push(db);
    return db;
  }

  async function show(db: Database, setting: string): Promise<string | undefined> {
    const { rows } = await db.query<{ value: string }>("select current_setting($1) as value", [setting]);
    return rows[0]?.value;
  }

  it("uses the size asked for, and keeps the rest of PGlite's configuration", async () => {
    const db = await open({ kind: "memory", snapshot: await migratedStoreSnapshot(), sharedBuffers: "64MB" });
    expect(await show(db, "shared_buffers")).toBe("64MB");
    // What initdb put in postgresql.conf still applies (PGlite's postgresqlconf option would have replaced it).
    expect(await show(db, "timezone")).toBe("UTC");
    expect(await show(db, "default_text_search_config")).toBe("pg_catalog.english");
  });

  it("keeps PGlite's default when none is asked for", async () => {
    const db = await open({ kind: "memory", snapshot: await migratedStoreSnapshot() });
    expect(await show(db, "shared_buffers")).toBe("128MB");
  });

  it("does not leave the size in a data directory once the setting is gone", async () => {
    const path = await mkdtemp(join(tmpdir(), "sandbox-shared-buffers-"));
    temporary.push(path);
    const first = await open({ kind: "directory", path, sharedBuffers: "64MB" });
    expect(await show(first, "shared_buffers")).toBe("64MB");
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    const again = await open({ kind: "directory", path });
    expect(await show(again, "shared_buffers")).toBe("128MB");
  });
});
