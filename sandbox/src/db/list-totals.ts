import type { Queryable } from "./database";

/** The tables whose lists answer with a total; each has a generation per company (migration 003). */
export type ListResource = "customers" | "jobs" | "locations";

/** A list's `select count(*)::int as total …` with its parameters: what a total is, and its cache key. */
export interface CountQuery {
  sql: string;
  params: unknown[];
}

export interface ListTotalStats {
  /** Totals answered from memory. */
  hits: number;
  /** Totals counted in the database (first time, or after a write). */
  counts: number;
  entries: number;
}

/** Enough for every filter and search a few busy companies use; an entry is a few hundred bytes. */
export const DEFAULT_MAX_ENTRIES = 5_000;

/**
 * List totals per company, kept in memory for as long as nothing in the
 * company's table was written.
 *
 * Every list answers with `pagination.total`, a `count(*)` under the page's own
 * WHERE clause, and at 100k customers / 300k jobs that count is most of the
 * request (docs/sandbox-scale.md). Paging, refetching and polling ask for the
 * same total again and again while the data stands still.
 *
 * Correctness: a write to customers, jobs or locations bumps that company's
 * generation in `list_generations`, by a trigger, in the write's own
 * transaction (migration 003). Each list reads the current generation first
 * (one primary-key lookup) and uses a cached total only when it was counted
 * under that same generation; otherwise it counts and remembers the total
 * with the generation it read. Reading the generation *before* counting is
 * what makes this safe: a write committed after the read has a higher
 * generation, so a total that might already include it is stored under an
 * older number and never matches again. The generation is in the database,
 * not in this object, so two sandbox processes sharing one Postgres
 * (SANDBOX_DATABASE_URL) stay correct: a write through either bumps the row
 * both read, and each process's cache misses on its next list. (Not tested:
 * the test suite has PGlite only, which one process opens at a time.)
 *
 * The key is the count query itself (SQL text and parameters, company
 * included), so a filter added to a list's WHERE clause is part of the key
 * without anyone remembering to add it. One cache per app, never shared
 * between stores: generations of two stores are unrelated numbers.
 */
export class ListTotalCache {
  readonly #entries = new Map<string, { generation: bigint; total: number }>();
  readonly #maxEntries: number;
  #hits = 0;
  #counts = 0;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new Error("ListTotalCache: maxEntries must be a whole number ≥ 1");
    this.#maxEntries = maxEntries;
  }

  /** The total of `count` for the company, from memory when nothing was written since it was counted. */
  async total(db: Queryable, companyUuid: string, resource: ListResource, count: CountQuery): Promise<number> {
    const generation = await readListGeneration(db, companyUuid, resource);
    const key = JSON.stringify([companyUuid, resource, count.sql, count.params]);
    const cached = this.#entries.get(key);
    if (cached && cached.generation === generation) {
      this.#hits += 1;
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.total;
    }
    this.#counts += 1;
    const total = await runCount(db, count);
    // A concurrent list may have stored a total of a newer generation meanwhile: keep that one.
    const current = this.#entries.get(key);
    if (current && current.generation > generation) return total;
    this.#entries.delete(key);
    this.#entries.set(key, { generation, total });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return total;
  }

  stats(): ListTotalStats {
    return { hits: this.#hits, counts: this.#counts, entries: this.#entries.size };
  }
}

/** The company's generation of `resource`: 0 until its first write since migration 003. */
export async function readListGeneration(db: Queryable, companyUuid: string, resource: ListResource): Promise<bigint> {
  const { rows } = await db.query<{ generation: string }>(
    "select generation::text as generation from list_generations where company_uuid = $1 and resource = $2",
    [companyUuid, resource],
  );
  return BigInt(rows[0]?.generation ?? "0");
}

export async function runCount(db: Queryable, count: CountQuery): Promise<number> {
  const { rows } = await db.query<{ total: number }>(count.sql, count.params);
  return rows[0]?.total ?? 0;
}
