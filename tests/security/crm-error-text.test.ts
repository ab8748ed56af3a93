import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";

/**
 * The CRM's own error text stays on the server: people and the audit log get
 * the dashboard's descriptions. Driven through POST /api/jobs against a real
 * sandbox, whose 400 names the field in its own words.
 */
let sandbox: TestSandbox;
let staff: SignedIn;
let customerUuid: string;
const CRM_WORDING = /does not match|of this company/i;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 100_000 });
  configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: sandbox.apiKeys[0]! });
  staff = await signedInUser("staff");
  const created = await sandbox.client().post("/customers", { first_name: "Errol", last_name: "Wording", phone: "206-555-0142" });
  if (created.status >= 300) throw new Error(`customer create: ${created.text}`);
  customerUuid = (created.body as { data: { uuid: string } }).data.uuid;
});

afterAll(async () => {
  await sandbox.close();
});

describe("a CRM refusal", () => {
  it("is described in the dashboard's words on the field the CRM named, and in the audit log", async () => {
    const { POST } = await import("@/app/api/jobs/route");
    const { status, body } = await callRoute(POST, "/api/jobs", {
      as: staff,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ customer_uuid: customerUuid, title: "Boiler service", assigned_to_user_id: "7d1f3c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f" }),
    });
    expect(status).toBe(400);
    expect(body.fields).toHaveProperty("assigned_to_user_id");
    expect(JSON.stringify(body)).not.toMatch(CRM_WORDING);

    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { db } = await appDatabase();
    const row = await db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("resource", "=", "job")
      .where("action", "=", "create")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe("rejected");
    expect(row.detail).toMatch(/CRM rejected the request as invalid/);
    expect(row.detail).not.toMatch(CRM_WORDING);
  });
});
