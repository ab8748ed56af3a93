import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, setSandboxUsage } from "./mirror-support";

/**
 * GET /api/lookup and GET /api/trash through the real auth stack, against a
 * real sandbox CRM: what they answer from the mirror (addresses, every
 * deleted record) after a full pass, what the lookup still answers when the
 * CRM's monthly allowance is spent, and the 400s for what they do not offer.
 */
let sandbox: TestSandbox;
const QUOTA = 1_000_000;
const ORIGIN = "http://localhost:3000";
const sessions: Record<"staff" | "viewer", string> = { staff: "", viewer: "" };
const context = { params: Promise.resolve({}) };
const suffix = Math.random()
  .toString(36)
  .replace(/[^a-z]/g, "")
  .slice(0, 6);
const street = `Quill${suffix}`;
const serviceStreet = `Fernbrook${suffix}`;
const billingStreet = `Ledger${suffix}`;
let customerUuid = "";
let jobUuid = "";
let deletedUuid = "";

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 20, jobs: 30, seed: 5 }, monthlyQuota: QUOTA });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = ORIGIN;
  process.env.ADMIN_EMAIL = "routes-admin@example.com";
  process.env.ADMIN_PASSWORD = "routes-admin-password";
  process.env.MIRROR_SYNC = "off";
  process.env.LOG_LEVEL = "silent";
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { signIn } = await import("@/lib/auth/sign-in.server");
  const { getCurrentUser } = await import("@/lib/auth/current-user.server");
  const { createUser } = await import("@/lib/users/manage-users.server");
  const { changeOwnPassword } = await import("@/lib/account/change-password.server");
  await ensureFirstAdmin();
  const login = async (email: string, password: string) => {
    const result = await signIn({ email, password, ip: "203.0.113.7", requestId: "t", headers: new Headers({ "user-agent": "vitest" }) });
    if (!result.ok) throw new Error(result.message);
    return result.setCookies[0]!.split(";")[0]!;
  };
  const admin = await login("routes-admin@example.com", "routes-admin-password");
  const actor = (await getCurrentUser(new Headers({ cookie: admin })))!;
  for (const role of ["staff", "viewer"] as const) {
    await createUser(
      { name: `Routes ${role}`, email: `routes-${role}@example.com`, role, password: `routes-${role}-password` },
      { actor, requestId: "t", headers: new Headers({ cookie: admin }) },
    );
    const temporary = await login(`routes-${role}@example.com`, `routes-${role}-password`);
    const person = (await getCurrentUser(new Headers({ cookie: temporary })))!;
    const own = `routes-${role}-own-password`;
    await changeOwnPassword(
      { current_password: `routes-${role}-password`, new_password: own, confirm_password: own },
      { user: person, requestId: "t", headers: new Headers({ cookie: temporary }) },
    );
    sessions[role] = await login(`routes-${role}@example.com`, own);
  }

  // Made in the CRM directly (as its own app would), so only a pass brings them into the mirror.
  const customer = await crm(sandbox, "POST", "/customers", {
    first_name: "Ada",
    last_name: `Lookup${suffix}`,
    physical_address1: `986 ${street} Ave N`,
    physical_city: "Seattle",
    physical_state: "WA",
    physical_zip: "99403",
    billing_address1: `PO Box 12, 40 ${billingStreet} Rd`,
    billing_city: "Tacoma",
    billing_state: "WA",
    billing_zip: "98402",
  });
  customerUuid = customer.uuid as string;
  const job = await crm(sandbox, "POST", "/jobs", {
    customer_uuid: customerUuid,
    title: "Gutter clean",
    status: "New",
    service_address1: `4410 ${serviceStreet} Way`,
    service_city: "Shoreline",
    service_state: "WA",
    service_zip: "98155",
  });
  jobUuid = job.uuid as string;
  const gone = await crm(sandbox, "POST", "/customers", { first_name: "Gone", last_name: `Trashed${suffix}` });
  deletedUuid = gone.uuid as string;
  await crm(sandbox, "DELETE", `/customers/${deletedUuid}`);
}, 180_000);

afterAll(async () => {
  await sandbox.close();
});

function get(path: string, who: keyof typeof sessions) {
  return new Request(`${ORIGIN}${path}`, { headers: { cookie: sessions[who], origin: ORIGIN } });
}

async function lookup(q: string, who: keyof typeof sessions = "staff") {
  const route = await import("@/app/api/lookup/route");
  return route.GET(get(`/api/lookup?${new URLSearchParams({ q }).toString()}`, who), context);
}

async function trash(query: string, who: keyof typeof sessions = "staff") {
  const route = await import("@/app/api/trash/route");
  return route.GET(get(`/api/trash?${query}`, who), context);
}

interface LookupBody {
  data: {
    query: { kind: string };
    matches: Array<{ uuid: string }>;
    addresses: null | { total: number; matches: Array<{ matched: string; customer_uuid: string; job_uuid: string | null; address: string }> };
    crm_unanswered: null | { code: string; message: string };
  };
}

async function fullPass() {
  const { requestSyncNow } = await import("@/lib/mirror/sync-service.server");
  const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
  await requestSyncNow();
  await syncRunner().settled();
}

describe("before the mirror has seen them", () => {
  it("neither the address nor the deletion made in the CRM directly is known", async () => {
    const byAddress = (await (await lookup(`986 ${street}`)).json()) as LookupBody;
    expect(byAddress.data.addresses).toMatchObject({ total: 0 });
    const page = (await (await trash(`tab=customers&search=trashed${suffix}`)).json()) as { data: { rows: unknown[] } };
    expect(page.data.rows).toEqual([]);
  });
});

describe("after a full pass", () => {
  beforeAll(fullPass, 120_000);

  it("finds the customer by house number and street, saying it is their physical address", async () => {
    const response = await lookup(`986 ${street}`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as LookupBody & { data: { addresses: { asOf: { lastFullPassAt: string | null } } } };
    expect(data.query.kind).toBe("name");
    expect(data.crm_unanswered).toBeNull();
    expect(data.addresses.matches).toEqual([
      expect.objectContaining({ matched: "physical", customer_uuid: customerUuid, job_uuid: null, address: `986 ${street} Ave N, Seattle, WA 99403` }),
    ]);
    expect(data.addresses.asOf.lastFullPassAt).not.toBeNull();
  });

  it("finds them by a ZIP fragment, by the billing address, and by a job's service address (naming the job)", async () => {
    const byZip = ((await (await lookup("99403")).json()) as LookupBody).data;
    expect(byZip.query.kind).toBe("phone");
    expect(byZip.addresses?.matches.map((match) => match.customer_uuid)).toContain(customerUuid);

    const byBilling = ((await (await lookup(`${billingStreet} tacoma`)).json()) as LookupBody).data;
    expect(byBilling.addresses?.matches).toEqual([expect.objectContaining({ matched: "billing", customer_uuid: customerUuid })]);

    const byService = ((await (await lookup(`4410 ${serviceStreet.slice(0, 6)}`)).json()) as LookupBody).data;
    expect(byService.addresses?.matches).toEqual([
      expect.objectContaining({ matched: "service", customer_uuid: customerUuid, job_uuid: jobUuid, job_title: "Gutter clean" }),
    ]);
  });

  it("keeps phone and email to the CRM alone, and names to both", async () => {
    const byEmail = ((await (await lookup("someone@example.com")).json()) as LookupBody).data;
    expect(byEmail).toMatchObject({ query: { kind: "email" }, addresses: null });
    const byPhone = ((await (await lookup("(206) 555-0100")).json()) as LookupBody).data;
    expect(byPhone).toMatchObject({ query: { kind: "phone" }, addresses: null });
    const byName = ((await (await lookup(`Lookup${suffix}`, "viewer")).json()) as LookupBody).data;
    expect(byName.matches.map((match) => match.uuid)).toEqual([customerUuid]);
    expect(byName.addresses).toMatchObject({ total: 0 });
  });

  it("lists the customer deleted directly in the CRM, with nobody named; a restore takes them out and the CRM has them back", async () => {
    const response = await trash(`tab=customers&search=trashed${suffix}`, "viewer");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { rows: Array<{ uuid: string; deleted_by: unknown; deleted_at: string }>; crm_requests: number; asOf: { lastFullPassAt: string | null } };
    };
    expect(data.rows).toEqual([expect.objectContaining({ uuid: deletedUuid, deleted_by: null })]);
    expect(data.crm_requests).toBe(0);
    expect(data.asOf.lastFullPassAt).not.toBeNull();

    const restoreRoute = await import("@/app/api/customers/[uuid]/restore/route");
    const restore = (who: keyof typeof sessions) =>
      restoreRoute.POST(
        new Request(`${ORIGIN}/api/customers/${deletedUuid}/restore`, {
          method: "POST",
          headers: { cookie: sessions[who], origin: ORIGIN, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
          body: JSON.stringify({ expected_deleted_at: data.rows[0]!.deleted_at }),
        }),
        { params: Promise.resolve({ uuid: deletedUuid }) },
      );
    expect((await restore("viewer")).status).toBe(403);
    expect((await restore("staff")).status).toBe(200);
    expect((await crm(sandbox, "GET", `/customers/${deletedUuid}`)).deleted_at).toBeNull();
    const after = (await (await trash(`tab=customers&search=trashed${suffix}`)).json()) as { data: { rows: unknown[] } };
    expect(after.data.rows).toEqual([]);
  });
});

describe("when the CRM's monthly allowance is spent", () => {
  it("the lookup still answers addresses and says plainly what it could not ask; the trash still answers", async () => {
    await setSandboxUsage(sandbox, QUOTA);
    try {
      // A term not asked before, so no cached answer stands in for the CRM.
      const response = await lookup(`986 ${street} ave`);
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as LookupBody;
      expect(data.matches).toEqual([]);
      expect(data.crm_unanswered).toMatchObject({ code: "usage_limit", message: expect.stringContaining("allowance is used up") });
      expect(data.addresses?.matches.map((match) => match.customer_uuid)).toEqual([customerUuid]);

      // An email cannot be an address: nothing to answer with, so the lookup fails as any CRM read does.
      const byEmail = await lookup("nobody-asked-before@example.com");
      expect(byEmail.status).toBe(429);
      expect(await byEmail.json()).toMatchObject({ success: false, code: "usage_limit" });

      expect((await trash("tab=jobs")).status).toBe(200);
    } finally {
      await setSandboxUsage(sandbox, 0);
    }
  });
});

describe("what the routes do not offer", () => {
  it("the lookup: a missing or long q, or any other parameter, is a 400 naming the field", async () => {
    const route = await import("@/app/api/lookup/route");
    const missing = await route.GET(get("/api/lookup", "staff"), context);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { fields: Record<string, string> }).fields).toHaveProperty("q");

    const other = await route.GET(get("/api/lookup?q=lee&kind=address", "staff"), context);
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({
      success: false,
      code: "validation",
      fields: { kind: "“kind” is not offered. Allowed: q." },
      request_id: expect.any(String),
    });
    const long = await lookup("x".repeat(201));
    expect(((await long.json()) as { fields: Record<string, string> }).fields).toMatchObject({ q: "Use at most 200 characters." });
  });

  it("the trash: tab, page and limit outside what is offered, an unknown or repeated parameter, are 400s naming the allowed values", async () => {
    const fieldsOf = async (query: string) => {
      const response = await trash(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { success: boolean; code: string; fields: Record<string, string> };
      expect(body).toMatchObject({ success: false, code: "validation" });
      return body.fields;
    };
    expect(await fieldsOf("tab=invoices")).toEqual({ tab: "Use customers or jobs." });
    expect(await fieldsOf("search=x")).toEqual({ tab: "Use customers or jobs." });
    expect(await fieldsOf("tab=jobs&page=0")).toEqual({ page: "Use a whole number from 1 to 10000." });
    expect(await fieldsOf("tab=jobs&limit=500")).toEqual({ limit: "Use a whole number from 1 to 100." });
    expect(await fieldsOf("tab=jobs&limit=ten")).toEqual({ limit: "Use a whole number from 1 to 100." });
    expect(await fieldsOf("tab=jobs&kind=customers")).toEqual({ kind: "“kind” is not offered. Allowed: tab, search, page, limit." });
    expect(await fieldsOf("tab=jobs&tab=customers")).toEqual({ tab: "Give “tab” once." });

    const ok = await trash("tab=jobs&page=1&limit=5");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { pagination: { limit: number } } }).data.pagination.limit).toBe(5);
  });
});
