import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCompanyByApiKey } from "../../sandbox/src/companies";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";

/**
 * GET /api/locations answers every location of the company, page after page,
 * not the first 100: a job at the 101st would otherwise show as not found.
 */
let sandbox: TestSandbox;
let staff: SignedIn;
const EXTRA = 130;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 100_000 });
  configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: sandbox.apiKeys[0]!, MIRROR_SYNC: "off" });
  staff = await signedInUser("staff");
  // The CRM's API has no location writes: arranged in the sandbox's own store, before anything lists them.
  const company = await findCompanyByApiKey(sandbox.db, sandbox.apiKeys[0]!);
  for (let index = 0; index < EXTRA; index += 1) {
    await sandbox.db.query(
      `insert into locations (uuid, company_uuid, name, city, state, created_at, updated_at) values ($1, $2, $3, 'Seattle', 'WA', $4, $4)`,
      [crypto.randomUUID(), company!.uuid, `Depot ${String(index).padStart(3, "0")}`, new Date(Date.now() - index * 1000)],
    );
  }
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

describe("GET /api/locations", () => {
  it("lists every location, past the first page of 100", async () => {
    const inStore = (await sandbox.setUp()).locations;
    expect(inStore.length).toBeGreaterThan(100 + 1);
    const { GET } = await import("@/app/api/locations/route");
    const { status, body } = await callRoute(GET, "/api/locations", { as: staff });
    expect(status).toBe(200);
    const locations = (body.data as { locations: Array<{ uuid: string; name: string }> }).locations;
    expect(locations.map((location) => location.uuid).sort()).toEqual(inStore.map((location) => location.uuid).sort());
    expect(new Set(locations.map((location) => location.uuid)).size).toBe(locations.length);
    // The oldest depot is on the second page of the CRM's list.
    expect(locations.map((location) => location.name)).toContain(`Depot ${String(EXTRA - 1).padStart(3, "0")}`);
  });
});
