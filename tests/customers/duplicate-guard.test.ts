import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";

/**
 * The duplicate check of POST /api/customers and PUT /api/customers/{uuid},
 * through the real auth stack against a real sandbox CRM: the 409 with the
 * matches, `confirm_duplicate: true` saving anyway (and saying so in the audit
 * log), an edit onto someone else's phone, an edit keeping one's own, a check
 * that could not be made, and what bad input and a viewer get.
 */
let sandbox: TestSandbox;
let staff: SignedIn;
let viewer: SignedIn;
let ann: { uuid: string };
let bob: { uuid: string; updated_at: string };

const JSON_HEADERS = () => ({ "content-type": "application/json", "idempotency-key": crypto.randomUUID() });

async function crmCustomer(body: Record<string, unknown>) {
  const created = await sandbox.client().post("/customers", body);
  if (created.status >= 300) throw new Error(`customer create: ${created.text}`);
  return (created.body as { data: { uuid: string; updated_at: string } }).data;
}

async function create(body: Record<string, unknown>, as: SignedIn = staff, key: string = crypto.randomUUID()) {
  const { POST } = await import("@/app/api/customers/route");
  const headers = { "content-type": "application/json", "idempotency-key": key };
  return callRoute(POST, "/api/customers", { as, method: "POST", headers, body: JSON.stringify(body) });
}

async function update(uuid: string, body: Record<string, unknown>, as: SignedIn = staff) {
  const { PUT } = await import("@/app/api/customers/[uuid]/route");
  return callRoute(PUT, `/api/customers/${uuid}`, { as, method: "PUT", headers: JSON_HEADERS(), body: JSON.stringify(body), params: { uuid } });
}

type Matches = Array<{ uuid: string; name: string; phone: string | null; email: string | null; link: string; reasons: string[] }>;
const matchesOf = (body: unknown) => (body as { matches: Matches }).matches;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 100_000 });
  configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: sandbox.apiKeys[0]!, MIRROR_SYNC: "off" });
  staff = await signedInUser("staff");
  viewer = await signedInUser("viewer");
  ann = await crmCustomer({ first_name: "Ann", last_name: "Duplow", phone: "206-555-0142", email: "Ann.Duplow@example.com" });
  bob = await crmCustomer({ first_name: "Bob", last_name: "Other", phone: "206-555-0199" });
}, 120_000);

afterEach(() => sandbox.setFaults(null));
afterAll(async () => {
  await sandbox.close();
});

async function lastAudit(action: "create" | "update") {
  const { appDatabase } = await import("@/lib/db/app-database.server");
  const { db } = await appDatabase();
  return db
    .selectFrom("audit_log")
    .select(["outcome", "detail", "resource_id"])
    .where("resource", "=", "customer")
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

describe("creating a customer", () => {
  it("answers 409 possible_duplicate with the match, by phone in any format, and creates nothing", async () => {
    const before = (await sandbox.client().get("/customers?limit=100")).body as { data: { pagination: { total: number } } };
    const { status, body } = await create({ first_name: "Annie", last_name: "New", phone: "(206) 555 0142" });
    expect(status).toBe(409);
    expect(body.code).toBe("possible_duplicate");
    expect(matchesOf(body)).toEqual([
      { uuid: ann.uuid, name: "Ann Duplow", phone: "206-555-0142", email: "Ann.Duplow@example.com", link: `/customers/${ann.uuid}`, reasons: ["phone"] },
    ]);
    const after = (await sandbox.client().get("/customers?limit=100")).body as { data: { pagination: { total: number } } };
    expect(after.data.pagination.total).toBe(before.data.pagination.total);
  });

  it("matches an email whatever its case", async () => {
    const { status, body } = await create({ first_name: "Annie", last_name: "Mail", email: "ANN.DUPLOW@example.COM" });
    expect(status).toBe(409);
    expect(matchesOf(body).map((match) => [match.uuid, match.reasons])).toEqual([[ann.uuid, ["email"]]]);
  });

  it("saves with confirm_duplicate: true, and the audit log says the person confirmed it", async () => {
    const { status, body } = await create({ first_name: "Annie", last_name: "Anyway", phone: "206-555-0142", confirm_duplicate: true });
    expect(status).toBe(201);
    const created = body.data as { uuid: string; phone: string };
    expect(created.phone).toBe("206-555-0142");
    const audit = await lastAudit("create");
    expect(audit.resource_id).toBe(created.uuid);
    expect(audit.outcome).toBe("accepted");
    expect(audit.detail).toMatch(/possible duplicates were shown/);
  });

  it("finds a same name at the same street from the mirror", async () => {
    // Saved through the dashboard: the mirror learns it from the CRM's answer.
    const first = await create({
      first_name: "Cora",
      last_name: "Streetly",
      phone: "206-555-0161",
      physical_address1: "14 Elm St",
      physical_city: "Seattle",
      confirm_duplicate: true,
    });
    expect(first.status).toBe(201);
    const { status, body } = await create({
      first_name: "cora",
      last_name: "STREETLY",
      phone: "206-555-0162",
      physical_address1: "14 Elm St.",
      physical_city: "Tacoma",
    });
    expect(status).toBe(409);
    expect(matchesOf(body).map((match) => match.reasons)).toEqual([["name_and_address"]]);
  });

  it("says plainly when the check could not be made, and confirm_duplicate saves anyway", async () => {
    sandbox.setFaults({ error_rate: 1, methods: "GET", path: "/customers" });
    const refused = await create({ first_name: "Dee", last_name: "Unchecked", phone: "206-555-0177" });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe("duplicate_check_failed");
    expect(refused.body.error).toMatch(/Could not check whether this customer is already on file/);
    const saved = await create({ first_name: "Dee", last_name: "Unchecked", phone: "206-555-0177", confirm_duplicate: true });
    expect(saved.status).toBe(201);
  });

  it("replays a create whose answer was lost instead of calling it a duplicate of the customer it made", async () => {
    const key = crypto.randomUUID();
    const body = { first_name: "Flo", last_name: "Retry", phone: "206-555-0188" };
    const first = await create(body, staff, key);
    expect(first.status).toBe(201);
    const again = await create(body, staff, key);
    expect(again.status).toBe(201);
    expect((again.body.data as { uuid: string }).uuid).toBe((first.body.data as { uuid: string }).uuid);
    // A new intent with the same details is asked about.
    expect((await create(body)).status).toBe(409);
  });

  it("refuses confirm_duplicate that is not a boolean with a 400 naming it", async () => {
    const { status, body } = await create({ first_name: "Eve", last_name: "Typed", phone: "206-555-0142", confirm_duplicate: "yes" });
    expect(status).toBe(400);
    expect(body.code).toBe("validation");
    expect(body.fields).toHaveProperty("confirm_duplicate");
  });

  it("is a 403 for a viewer, before any check", async () => {
    const { status } = await create({ first_name: "Vic", last_name: "Viewer", phone: "206-555-0142", confirm_duplicate: true }, viewer);
    expect(status).toBe(403);
  });
});

describe("editing a customer", () => {
  it("answers 409 possible_duplicate when the phone becomes someone else's, and saves with confirm_duplicate", async () => {
    const refused = await update(bob.uuid, { phone: "206.555.0142", expected_updated_at: bob.updated_at });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("possible_duplicate");
    expect(matchesOf(refused.body).map((match) => match.uuid)).toContain(ann.uuid);
    expect(((await sandbox.client().get(`/customers/${bob.uuid}`)).body as { data: { phone: string } }).data.phone).toBe("206-555-0199");

    const saved = await update(bob.uuid, { phone: "206.555.0142", expected_updated_at: bob.updated_at, confirm_duplicate: true });
    expect(saved.status).toBe(200);
    expect((saved.body.data as { phone: string }).phone).toBe("206-555-0142");
    expect((await lastAudit("update")).detail).toMatch(/possible duplicates were shown/);
    bob = saved.body.data as typeof bob;
  });

  it("is not a duplicate when the phone stays the customer's own, typed again in another format", async () => {
    // Bob now shares Ann's number: keeping it must not ask again.
    const { status, body } = await update(bob.uuid, { phone: "(206) 555-0142", notes: "Called back", expected_updated_at: bob.updated_at });
    expect(status).toBe(200);
    bob = body.data as typeof bob;
  });

  it("refuses confirm_duplicate that is not a boolean with a 400 naming it", async () => {
    const { status, body } = await update(bob.uuid, { notes: "x", expected_updated_at: bob.updated_at, confirm_duplicate: 1 });
    expect(status).toBe(400);
    expect(body.fields).toHaveProperty("confirm_duplicate");
  });

  it("is a 403 for a viewer", async () => {
    const { status } = await update(bob.uuid, { notes: "x", expected_updated_at: bob.updated_at }, viewer);
    expect(status).toBe(403);
  });
});
