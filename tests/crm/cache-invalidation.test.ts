import { afterAll, describe, expect, it } from "vitest";

/**
 * Cached CRM reads across instances on one Postgres: a write here is
 * announced with NOTIFY (another instance, listening, receives it), and a
 * write announced by another instance drops the same cached reads here.
 * The "other instance" is a plain Postgres connection doing what its bus does.
 */
process.env.LOG_LEVEL = "silent";
process.env.APP_DATA_DIR = "memory";
const postgresUrl = process.env.TEST_POSTGRES_URL;
const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.runIf(postgresUrl)("cache invalidation between instances", () => {
  afterAll(async () => {
    const { stopListening } = await import("@/lib/crm/cache-invalidation.server");
    await stopListening();
  });

  it("announces this instance's writes, and drops what another instance's write made stale", async () => {
    const url = process.env.DATABASE_URL!;
    const { announceInvalidation, listenForInvalidations } = await import("@/lib/crm/cache-invalidation.server");
    const { default: pg } = await import("pg");
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const heard: Array<{ from: string; prefixes: string[] }> = [];
    other.on("notification", (message) => heard.push(JSON.parse(message.payload!) as { from: string; prefixes: string[] }));
    await other.query("listen tradesdesk_crm_cache");

    const dropped: string[][] = [];
    await listenForInvalidations(url, (prefixes) => dropped.push([...prefixes]));

    await announceInvalidation(["scope-a:/customers"], url);
    await until(() => heard.length === 1);
    expect(heard[0]!.prefixes).toEqual(["scope-a:/customers"]);
    // Its own announcement is not applied twice here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(dropped).toEqual([]);

    await other.query("select pg_notify('tradesdesk_crm_cache', $1)", [JSON.stringify({ from: "another-instance", prefixes: ["scope-a:/jobs"] })]);
    await until(() => dropped.length === 1);
    expect(dropped).toEqual([["scope-a:/jobs"]]);
    await other.end();
  }, 30_000);
});
