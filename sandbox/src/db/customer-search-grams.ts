import type { Queryable } from "./database";

/**
 * Totals of one- and two-character customer searches come from the
 * customer_search_grams table (migration 005), not from a scan: pg_trgm
 * cannot index a pattern shorter than three characters.
 */
export const MAX_GRAM_CHARACTERS = 2;

const FIELD_SEPARATOR = "\u001f";

/** Whether a (trimmed) search term is short enough for customer_search_grams. Counts characters, as Postgres does, not UTF-16 units. */
export function isGramSearch(term: string): boolean {
  const characters = [...term].length;
  return characters >= 1 && characters <= MAX_GRAM_CHARACTERS;
}

/**
 * The JavaScript twin of the SQL function customer_search_grams_of: the
 * distinct one- and two-character substrings of text, none containing the
 * field separator. The bulk seeder uses it because the SQL function costs
 * about 0.3 ms per customer on PGlite (30 s for 100k); a test holds the two to
 * the same answers.
 */
export function customerSearchGramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  let previous: string | null = null;
  for (const character of text) {
    if (character === FIELD_SEPARATOR) {
      previous = null;
      continue;
    }
    grams.add(character);
    if (previous !== null) grams.add(previous + character);
    previous = character;
  }
  return grams;
}

interface CustomerSearchRow {
  search_text: string;
  customer_type: string;
  is_vip: boolean;
  is_deleted: boolean;
}

/** Rows per insert statement; one JSON text parameter each. */
const BATCH_ROWS = 5_000;

/**
 * Recounts one company's customer_search_grams from its customers, in
 * JavaScript. For a bulk load run with the maintaining triggers disabled
 * (withCustomerSearchGramsDeferred); run it in that load's transaction.
 */
export async function rebuildCustomerSearchGrams(tx: Queryable, companyUuid: string): Promise<void> {
  await tx.query("delete from customer_search_grams where company_uuid = $1", [companyUuid]);
  const { rows } = await tx.query<CustomerSearchRow>(
    "select search_text, customer_type, is_vip, deleted_at is not null as is_deleted from customers where company_uuid = $1",
    [companyUuid],
  );
  // One map of gram counts per combination of the filtered columns (at most
  // eight), so the inner loop does no key building.
  const groups = new Map<string, { customerType: string; isVip: boolean; isDeleted: boolean; counts: Map<string, number> }>();
  for (const row of rows) {
    const groupKey = `${row.customer_type}|${row.is_vip}|${row.is_deleted}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { customerType: row.customer_type, isVip: row.is_vip, isDeleted: row.is_deleted, counts: new Map() };
      groups.set(groupKey, group);
    }
    for (const gram of customerSearchGramsOf(row.search_text)) group.counts.set(gram, (group.counts.get(gram) ?? 0) + 1);
  }
  const records: Array<[string, string, boolean, boolean, number]> = [];
  for (const group of groups.values()) {
    for (const [gram, customers] of group.counts) records.push([gram, group.customerType, group.isVip, group.isDeleted, customers]);
  }
  for (let start = 0; start < records.length; start += BATCH_ROWS) {
    await tx.query(
      `insert into customer_search_grams (company_uuid, gram, customer_type, is_vip, is_deleted, customers)
       select $1, x->>0, x->>1, (x->>2)::boolean, (x->>3)::boolean, (x->>4)::int from jsonb_array_elements($2::text::jsonb) as x`,
      [companyUuid, JSON.stringify(records.slice(start, start + BATCH_ROWS))],
    );
  }
}

const TRIGGERS = ["customers_search_grams_insert", "customers_search_grams_update", "customers_search_grams_delete"] as const;

/**
 * Runs a bulk load of one company's customers with the gram triggers off,
 * then recounts that company's grams in JavaScript: 100k customers cost about
 * 3 s instead of 30 s in the triggers. Inside the caller's transaction: the
 * ALTER TABLE locks customers until commit (on a shared Postgres other
 * writers wait, and find the triggers on again), and a failure rolls it all
 * back.
 */
export async function withCustomerSearchGramsDeferred(tx: Queryable, companyUuid: string, load: () => Promise<void>): Promise<void> {
  for (const trigger of TRIGGERS) await tx.query(`alter table customers disable trigger ${trigger}`);
  await load();
  for (const trigger of TRIGGERS) await tx.query(`alter table customers enable trigger ${trigger}`);
  await rebuildCustomerSearchGrams(tx, companyUuid);
}
