import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { mkdirSync } from "node:fs";

/**
 * The one storage seam of the sandbox: the same SQL runs on embedded PGlite
 * (default, nothing to install) and on a real Postgres (SANDBOX_DATABASE_URL).
 * Keep every query to plain parameterised SQL that both understand.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/** A transaction's handle: queries plus multi-statement exec (used by migrations). */
export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs fn in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons, without parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: "pglite" | "postgres";
  /** PGlite only: the whole store as a gzipped tarball, loadable as a memory snapshot. */
  dump?(): Promise<Blob>;
}

/**
 * sharedBuffers (PGlite only): PGlite's buffer cache, a PostgreSQL memory size
 * such as "512MB" (SANDBOX_PG_SHARED_BUFFERS); unset keeps PGlite's 128MB.
 */
export type DatabaseLocation =
  /** snapshot: start from a dump() instead of an empty cluster (much faster than initdb; tests use it). */
  { kind: "memory"; snapshot?: Blob; sharedBuffers?: string } | { kind: "directory"; path: string; sharedBuffers?: string } | { kind: "postgres"; url: string };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.kind === "postgres") return openPostgres(location.url);
  if (location.kind === "directory") mkdirSync(location.path, { recursive: true });
  const dataDir = location.kind === "directory" ? location.path : undefined;
  const loadDataDir = location.kind === "memory" ? location.snapshot : undefined;
  const lite = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm }, ...pgliteSettings(location.sharedBuffers) });
  return {
    kind: "pglite",
    query: async <Row>(sql: string, params: unknown[] = []) => {
      const result = await lite.query<Row>(sql, params);
      return { rows: result.rows };
    },
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          query: async <Row>(sql: string, params: unknown[] = []) => {
            const result = await tx.query<Row>(sql, params);
            return { rows: result.rows };
          },
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: () => lite.close(),
    dump: () => lite.dumpDataDir("gzip"),
  };
}

/**
 * shared_buffers stays PGlite's default (128MB) unless asked for: each 128MB
 * more costs about 130 MB of RSS per PGlite instance (measured in memory:
 * 803 MB by default, 1180 MB at 512MB, 1787 MB at 1GB), and every test
 * sandbox is one instance. Large stores want more: at 100,000 customers and
 * 300,000 jobs the working set (jobs heap 142 MB, its trigram index 53 MB,
 * customers 35 + 22 MB, list indexes) outgrows 128MB, and a rotating job-title
 * search rereads blocks through the WASM file system (its count p50 45 / p95
 * 85 ms at 128MB, 25 / 50 ms at 512MB), so the scale benchmark raises it.
 *
 * It goes on the command line (-c), not through PGlite's postgresqlconf
 * option: that one replaces the whole postgresql.conf, which in a data
 * directory drops what initdb wrote (timezone UTC, English text search, C
 * locales) and stays on disk, so the size would outlive the variable.
 * startParams replaces PGlite's own start parameters, hence the spread.
 */
function pgliteSettings(sharedBuffers: string | undefined): { startParams?: string[] } {
  if (sharedBuffers === undefined) return {};
  return { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] };
}

async function openPostgres(url: string): Promise<Database> {
  // Numeric and bigint come back as strings from node-postgres; the sandbox
  // converts amounts itself, so leave the parsers alone and stay consistent
  // with PGlite, which also returns numeric as string.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query("select 1");
  return {
    kind: "postgres",
    query: async <Row>(sql: string, params: unknown[] = []) => {
      const result = await pool.query(sql, params);
      return { rows: result.rows as Row[] };
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const value = await fn({
          query: async <Row>(sql: string, params: unknown[] = []) => {
            const result = await client.query(sql, params);
            return { rows: result.rows as Row[] };
          },
          // Without parameters node-postgres uses the simple protocol, which runs several statements.
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query("commit");
        return value;
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
