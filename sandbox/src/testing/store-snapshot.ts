import { readFileSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { openDatabase } from "../db/database";
import { migrate } from "../db/migrate";
import { migrations } from "../db/schema";
import { sha256Hex } from "../util/hash";

/**
 * A migrated, empty PGlite store, dumped once and shared by every test
 * sandbox: loading it takes about a second where a fresh cluster (initdb)
 * plus migrations takes two to three times as long, and each test file
 * starts its own store. The file is keyed by the schema and the PGlite
 * version, so a changed migration or upgrade builds a new one.
 */
export async function migratedStoreSnapshot(): Promise<Blob> {
  const file = join(tmpdir(), `tradesdesk-sandbox-store-${snapshotKey()}.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not built yet (or unreadable): build it below.
  }
  const db = await openDatabase({ kind: "memory" });
  try {
    await migrate(db);
    if (!db.dump) throw new Error("the memory store cannot be dumped");
    const snapshot = await db.dump();
    // Write then rename: parallel test workers never read a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await snapshot.arrayBuffer()));
    await rename(partial, file).catch(() => rm(partial, { force: true }));
    return snapshot;
  } finally {
    await db.close();
  }
}

function snapshotKey(): string {
  return sha256Hex(`${pgliteVersion()}\n${migrations.map((migration) => `${migration.id}\n${migration.sql}`).join("\n")}`).slice(0, 16);
}

function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    const manifest = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version?: string };
    return manifest.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
