import type { Queryable } from "../db/database";

/**
 * Below this many new rows, maintaining the indexes row by row is cheaper
 * than rebuilding them (and keeps small seeds, as in tests, simple).
 */
const REBUILD_MIN_ROWS = 10_000;

/** Memory for each index build; GIN trigram builds slow down badly when they spill. */
const BUILD_MEMORY = "256MB";

/**
 * Whether a load of newRows into table is better done with derived data
 * (indexes, customer_search_grams) rebuilt afterwards than maintained row by
 * row: the load is large and at least as big as what the table already holds
 * (so a shared store with many companies is not rebuilt for a small addition).
 */
export async function isLargeLoad(tx: Queryable, table: "customers" | "jobs", newRows: number): Promise<boolean> {
  if (newRows < REBUILD_MIN_ROWS) return false;
  const existing = await tx.query<{ rows: number }>(`select count(*)::int as rows from ${table}`);
  return (existing.rows[0]?.rows ?? 0) <= newRows;
}

/**
 * Runs a bulk insert into `table` with its secondary indexes dropped and
 * rebuilt afterwards, when that is the faster way (isLargeLoad).
 *
 * Measured on PGlite, 100k customers + 300k jobs: maintaining the trigram
 * GIN and list indexes row by row took more than twice as long as one build
 * after the load. The definitions are read back from the catalog, so the
 * rebuilt indexes are exactly the migrated ones, whatever the schema says
 * today. Must run inside the caller's transaction: if anything fails, the
 * drops roll back with the rows. Primary keys and unique indexes stay, since
 * constraints and foreign keys depend on them. On a shared Postgres the drop
 * locks the table until commit; the sandbox seeds at start-up, before it
 * serves requests, so nobody waits.
 */
export async function withIndexesRebuiltIfLarge(tx: Queryable, table: "customers" | "jobs", newRows: number, load: () => Promise<void>): Promise<void> {
  if (!(await isLargeLoad(tx, table, newRows))) return load();

  const indexes = await tx.query<{ name: string; definition: string }>(
    `select x.indexrelid::regclass::text as name, pg_get_indexdef(x.indexrelid) as definition
     from pg_index x
     where x.indrelid = $1::regclass and not x.indisprimary and not x.indisunique and not x.indisexclusion
     order by 1`,
    [table],
  );
  for (const index of indexes.rows) await tx.query(`drop index ${index.name}`);
  await load();
  await tx.query(`set local maintenance_work_mem = '${BUILD_MEMORY}'`);
  for (const index of indexes.rows) await tx.query(index.definition);
}
