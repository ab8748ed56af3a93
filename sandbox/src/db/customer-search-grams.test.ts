import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCompanyByApiKey } from "../companies";
import { customerCountQuery } from "../routes/customers/queries";
import type { ApiClient } from "../testing/api-client";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../testing/test-sandbox";
import { customerSearchGramsOf, isGramSearch, rebuildCustomerSearchGrams, withCustomerSearchGramsDeferred } from "./customer-search-grams";
import { likeContains } from "./sql";

// Customer totals of one- and two-character searches come from
// customer_search_grams (migration 005), kept by triggers. These tests hold
// them to what the LIKE scan they replace would count.

let sandbox: TestSandbox;
let client: ApiClient;
let companyUuid: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ apiKeys: [uniqueApiKey("grams"), uniqueApiKey("grams_other")] });
  client = sandbox.client();
  const company = await findCompanyByApiKey(sandbox.db, sandbox.apiKeys[0] ?? "");
  if (!company) throw new Error("no company");
  companyUuid = company.uuid;
}, 60_000);

afterAll(async () => {
  await sandbox.close();
});

/** What the list counted before the gram table: a scan with LIKE. */
async function scannedTotal(term: string, options: { includeDeleted: boolean; filter: string }): Promise<number> {
  const conditions = ["company_uuid = $1", "search_text like lower($2)"];
  if (!options.includeDeleted) conditions.push("deleted_at is null");
  if (options.filter === "residential") conditions.push("customer_type = 'Residential'");
  if (options.filter === "commercial") conditions.push("customer_type = 'Commercial'");
  if (options.filter === "vip") conditions.push("is_vip");
  const { rows } = await sandbox.db.query<{ total: number }>(`select count(*)::int as total from customers where ${conditions.join(" and ")}`, [
    companyUuid,
    likeContains(term),
  ]);
  return rows[0]?.total ?? -1;
}

async function apiTotal(term: string, options: { includeDeleted: boolean; filter: string }): Promise<number> {
  const query = new URLSearchParams({ search: term, filter: options.filter, limit: "1" });
  if (options.includeDeleted) query.set("include_deleted", "true");
  const response = await client.get(`/customers?${query.toString()}`);
  expect(response.status, response.text).toBe(200);
  return response.body.data.pagination.total;
}

type GramRow = { gram: string; customer_type: string; is_vip: boolean; is_deleted: boolean; customers: number };

async function nonZeroGrams(): Promise<GramRow[]> {
  const { rows } = await sandbox.db.query<GramRow>(
    `select gram, customer_type, is_vip, is_deleted, customers from customer_search_grams
     where company_uuid = $1 and customers <> 0 order by gram, customer_type, is_vip, is_deleted`,
    [companyUuid],
  );
  return rows;
}

describe("customerSearchGramsOf (the JavaScript twin of customer_search_grams_of)", () => {
  it("lists each one- and two-character substring once, none across a field separator", () => {
    expect([...customerSearchGramsOf("anna\u001fan")].sort()).toEqual(["a", "an", "n", "na", "nn"]);
    expect([...customerSearchGramsOf("é😀x")].sort()).toEqual(["x", "é", "é😀", "😀", "😀x"].sort());
    expect(customerSearchGramsOf("")).toEqual(new Set());
  });

  it("answers as the SQL function does, for any text Postgres can store", async () => {
    // NUL cannot be stored; every other code point can, the separator included.
    const character = fc.oneof(fc.constantFrom("a", "b", "\u001f", " ", "É", "😀"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    const storable = fc
      .array(character, { maxLength: 40 })
      .map((characters) => characters.join(""))
      // In unicode mode the class matches lone surrogates only, which no text can hold.
      .filter((text) => !/[\uD800-\uDFFF]/u.test(text) && !text.includes("\u0000"));
    await fc.assert(
      fc.asyncProperty(storable, async (text) => {
        const { rows } = await sandbox.db.query<{ grams: string[] }>("select customer_search_grams_of($1) as grams", [text]);
        expect([...(rows[0]?.grams ?? [])].sort()).toEqual([...customerSearchGramsOf(text)].sort());
      }),
      { numRuns: 150 },
    );
  });

  it("counts characters, not UTF-16 units, for what is a short search", () => {
    expect(isGramSearch("a")).toBe(true);
    expect(isGramSearch("an")).toBe(true);
    expect(isGramSearch("😀😀")).toBe(true);
    expect(isGramSearch("ann")).toBe(false);
    expect(isGramSearch("")).toBe(false);
  });
});

describe("totals of one- and two-character searches", () => {
  // Few letters, so short terms match often and many writes touch the same grams.
  const name = fc.string({ unit: fc.constantFrom("a", "b", "n", "A", "é", " ", "-"), minLength: 1, maxLength: 6 }).filter((text) => text.trim() !== "");
  const customerFields = fc.record({
    first_name: name,
    last_name: name,
    company_name: fc.option(name, { nil: undefined }),
    customer_type: fc.constantFrom("Residential", "Commercial"),
    is_vip: fc.boolean(),
  });
  const operation = fc.oneof(
    fc.record({ kind: fc.constant("create" as const), fields: customerFields }),
    fc.record({
      kind: fc.constant("update" as const),
      pick: fc.nat(),
      fields: customerFields.chain((fields) => fc.subarray(Object.entries(fields)).map(Object.fromEntries)),
    }),
    // Edits of a filtered column alone: search_text stays, the counts move between groups.
    fc.record({
      kind: fc.constant("update" as const),
      pick: fc.nat(),
      fields: fc.oneof(fc.record({ is_vip: fc.boolean() }), fc.record({ customer_type: fc.constantFrom("Residential", "Commercial") })),
    }),
    fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant("restore" as const), pick: fc.nat() }),
    // Not an API operation: a hard delete, as SQL by hand would do it.
    fc.record({ kind: fc.constant("purge" as const), pick: fc.nat() }),
  );
  // Trimmed by the API like any search, so none starts or ends with a space.
  const terms = ["a", "n", "b", "é", "É", "an", "AN", "na", "bb", "a-", "-", "ab", "zz"];
  const variants = ["all", "residential", "commercial", "vip"].flatMap((filter) => [
    { filter, includeDeleted: false },
    { filter, includeDeleted: true },
  ]);

  it("equal the LIKE scan after any creates, edits, deletes and restores through the API, and a recount from scratch", async () => {
    const uuids: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        for (const step of operations) {
          if (step.kind === "create") {
            const response = await client.post("/customers", step.fields);
            expect(response.status, response.text).toBe(200);
            uuids.push(response.body.data.uuid);
            continue;
          }
          const uuid = uuids[step.pick % Math.max(uuids.length, 1)];
          if (uuid === undefined) continue;
          // 404s are expected here (editing a deleted customer); only the counts matter.
          if (step.kind === "update") await client.put(`/customers/${uuid}`, step.fields);
          if (step.kind === "delete") await client.delete(`/customers/${uuid}`);
          if (step.kind === "restore") await client.put(`/customers/${uuid}`, { deleted_at: null });
          if (step.kind === "purge") await sandbox.db.query("delete from customers where uuid = $1", [uuid]);
        }
        for (const term of terms) {
          for (const variant of variants) {
            expect(await apiTotal(term, variant), `${JSON.stringify(term)} ${JSON.stringify(variant)}`).toBe(await scannedTotal(term, variant));
          }
        }
        const maintained = await nonZeroGrams();
        await sandbox.db.transaction((tx) => rebuildCustomerSearchGrams(tx, companyUuid));
        expect(await nonZeroGrams()).toEqual(maintained);
      }),
      { numRuns: 12 },
    );
    expect(uuids.length).toBeGreaterThan(0);
  }, 120_000);

  it("are recounted after a bulk load with the triggers off, and the triggers are on again", async () => {
    await sandbox.db.transaction((tx) =>
      withCustomerSearchGramsDeferred(tx, companyUuid, async () => {
        await tx.query(
          `insert into customers (uuid, company_uuid, first_name, last_name, customer_type, is_vip, deleted_at)
           select gen_random_uuid(), $1, 'Bulk' || n, 'Anna', case when n % 3 = 0 then 'Commercial' else 'Residential' end, n % 5 = 0,
                  case when n % 7 = 0 then now() end
           from generate_series(1, 300) as n`,
          [companyUuid],
        );
      }),
    );
    for (const term of ["bu", "an", "k1", "9"]) {
      for (const variant of variants) expect(await apiTotal(term, variant)).toBe(await scannedTotal(term, variant));
    }
    const { rows } = await sandbox.db.query<{ tgname: string; tgenabled: string }>(
      "select tgname, tgenabled from pg_trigger where tgrelid = 'customers'::regclass and tgname like 'customers_search_grams_%' order by 1",
    );
    expect(rows.map((row) => [row.tgname, row.tgenabled])).toEqual([
      ["customers_search_grams_delete", "O"],
      ["customers_search_grams_insert", "O"],
      ["customers_search_grams_truncate", "O"],
      ["customers_search_grams_update", "O"],
    ]);
    const created = await client.post("/customers", { first_name: "Qx", last_name: "Qy" });
    expect(created.status).toBe(200);
    expect(await apiTotal("qx", { filter: "all", includeDeleted: false })).toBe(1);
  });

  it("are read from the gram table, not counted by a scan", () => {
    const short = customerCountQuery(companyUuid, { includeDeleted: false, filter: "all", search: "an" });
    expect(short.sql).toContain("from customer_search_grams");
    const long = customerCountQuery(companyUuid, { includeDeleted: false, filter: "all", search: "ann" });
    expect(long.sql).toContain("from customers");
    // Digits stay on the phone path from three on; two digits are text.
    expect(customerCountQuery(companyUuid, { includeDeleted: false, filter: "all", search: "20" }).sql).toContain("from customer_search_grams");
  });
});

describe("another company", () => {
  it("has totals of its own: its customers never change this company's", async () => {
    const otherClient = sandbox.client(sandbox.apiKeys[1]);
    const before = await apiTotal("an", { filter: "all", includeDeleted: true });
    const created = await otherClient.post("/customers", { first_name: "Anna", last_name: "Annan" });
    expect(created.status, created.text).toBe(200);
    expect(await apiTotal("an", { filter: "all", includeDeleted: true })).toBe(before);
    const theirs = await otherClient.get("/customers?search=an&limit=1");
    expect(theirs.body.data.pagination.total).toBe(1);
  });
});
