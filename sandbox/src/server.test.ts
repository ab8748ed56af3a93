import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getCompanySetup } from "./companies";
import { startSandbox } from "./server";
import { storeCounts } from "./store-counts";
import { createApiClient } from "./testing/api-client";
import { migratedStoreSnapshot } from "./testing/store-snapshot";

// startSandbox as `npm run sandbox` uses it: a data directory that survives
// restarts, companies ensured per key, demo data only for empty companies.
const directory = mkdtempSync(join(tmpdir(), "sandbox-server-test-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("startSandbox with a data directory", () => {
  const keys = ["ctc_restart_key_one", "ctc_restart_key_two"];
  const storage = { kind: "directory" as const, path: directory };
  const seed = { customers: 6, jobs: 9, seed: 3 };

  it("seeds empty companies once and keeps data, companies and set-up across restarts", async () => {
    const first = await startSandbox({ apiKeys: keys, storage, seed });
    let created: string;
    let firstCounts;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.apiUrl).toBe(`${first.url}/api/v1`);
      expect(first.companies.map((company) => company.name)).toEqual(["Demo Plumbing & HVAC", "Sandbox Company 2"]);
      for (const company of first.companies) expect(company.seeded.customers).toBeGreaterThan(0);
      const client = createApiClient(first.apiUrl, keys[0]!);
      created = (await client.post("/customers", { first_name: "Survives", last_name: "Restart" })).body.data.uuid;
      firstCounts = await storeCounts(first.db);
      expect(firstCounts).toMatchObject({ companies: 2, locations: 6, users: 16 });
    } finally {
      await first.close();
    }

    const second = await startSandbox({ apiKeys: keys, storage, seed });
    try {
      expect(second.companies.map((company) => company.uuid)).toEqual(first.companies.map((company) => company.uuid));
      expect(second.companies.every((company) => company.seeded.customers === 0 && company.seeded.jobs === 0)).toBe(true);
      expect(await storeCounts(second.db)).toEqual(firstCounts);
      const client = createApiClient(second.apiUrl, keys[0]!);
      expect((await client.get(`/customers/${created}`)).body.data.first_name).toBe("Survives");
      const setUp = await getCompanySetup(second.db, second.companies[0]!.uuid);
      expect(setUp.users).toHaveLength(8);
      expect(setUp.locations).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});

describe("startSandbox in memory", () => {
  it("defaults to the demo key, no demo data and a free port", async () => {
    // The snapshot only saves start-up time; it is the same empty, migrated store.
    const sandbox = await startSandbox({ storage: { kind: "memory", snapshot: await migratedStoreSnapshot() } });
    try {
      expect(sandbox.apiKeys).toEqual(["ctc_sandbox_demo_key"]);
      expect(sandbox.port).toBeGreaterThan(0);
      expect(await storeCounts(sandbox.db)).toMatchObject({ customers: 0, jobs: 0, locations: 3, users: 8 });
      const response = await createApiClient(sandbox.apiUrl, "ctc_sandbox_demo_key").get("/customers");
      expect(response.body.data.pagination.total).toBe(0);
    } finally {
      await sandbox.close();
      await sandbox.close(); // closing twice is harmless
    }
  });

  it("fails clearly when the port is taken, and leaves nothing open", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});
