import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, signedInUser, signInAsFirstAdmin, configureInMemoryApp, type SignedIn } from "@/tests/support/app-accounts";

/**
 * Who may read which part of the audit log, through GET /api/audit as the
 * browser calls it. Non-admins may read one customer's or job's history,
 * named by a real uuid; nothing else, whatever the query string says.
 */
configureInMemoryApp();
const { GET } = await import("@/app/api/audit/route");
const { recordAudit } = await import("@/lib/audit/record-audit.server");

const CUSTOMER = "5b0f8a2e-6a5e-4d0b-9a51-3f1d9c2b7e41";
const OTHER_CUSTOMER = "0c3a51e9-1d2b-4f7a-8e9d-2b6c4a1f0e73";

let admin: SignedIn;
let viewer: SignedIn;
let staff: SignedIn;

beforeAll(async () => {
  admin = await signInAsFirstAdmin();
  viewer = await signedInUser("viewer");
  staff = await signedInUser("staff");
  const actor = { id: admin.id, email: "first-admin@example.com" };
  await recordAudit({ actor, action: "update", resource: "customer", resourceId: CUSTOMER, requestId: "r1", outcome: "accepted" });
  await recordAudit({ actor, action: "update", resource: "customer", resourceId: OTHER_CUSTOMER, requestId: "r2", outcome: "accepted" });
  await recordAudit({
    actor: { id: null, email: "someone@example.com" },
    action: "sign_in",
    resource: "session",
    resourceId: null,
    requestId: "r3",
    outcome: "rejected",
  });
});

const rowsOf = (body: { data?: unknown }) => (body.data as { rows: Array<{ resource: string; resourceId: string | null }> }).rows;

describe("non-admins", () => {
  for (const [label, query] of [
    ["an empty id", "resource=session&resource_id="],
    ["a blank id", "resource=session&resource_id=%20%20"],
    ["sessions with an id", "resource=session&resource_id=5b0f8a2e-6a5e-4d0b-9a51-3f1d9c2b7e41"],
    ["a customer with an empty id", "resource=customer&resource_id="],
    ["a customer with a blank id", "resource=customer&resource_id=%20"],
    ["a customer with a malformed id", "resource=customer&resource_id=not-a-uuid"],
    ["a customer with a SQL-looking id", "resource=customer&resource_id=' or 1=1 --"],
    ["users", `resource=user&resource_id=${CUSTOMER}`],
    ["an id without a resource", `resource_id=${CUSTOMER}`],
    ["nothing", ""],
    ["an actor filter", "actor=first-admin"],
  ] as const) {
    it(`cannot read ${label}`, async () => {
      for (const user of [viewer, staff]) {
        const { status, body } = await callRoute(GET, `/api/audit?${query}`, { as: user });
        expect(status, query).toBe(403);
        expect(body.code).toBe("forbidden");
        expect(body.data).toBeUndefined();
      }
    });
  }

  it("read exactly one record's history, even with extra filters that would widen it", async () => {
    const { status, body } = await callRoute(GET, `/api/audit?resource=customer&resource_id=${CUSTOMER}&actor=&action=`, { as: viewer });
    expect(status).toBe(200);
    const rows = rowsOf(body);
    expect(rows.length).toBe(1);
    expect(rows.every((row) => row.resource === "customer" && row.resourceId === CUSTOMER)).toBe(true);
  });

  it("reading a job's history by its uuid is allowed (empty when nothing happened to it)", async () => {
    const { status, body } = await callRoute(GET, `/api/audit?resource=job&resource_id=${OTHER_CUSTOMER}`, { as: staff });
    expect(status).toBe(200);
    expect(rowsOf(body)).toEqual([]);
  });
});

describe("admins", () => {
  it("browse the whole log, sessions included", async () => {
    const { status, body } = await callRoute(GET, "/api/audit?resource=session", { as: admin });
    expect(status).toBe(200);
    expect(rowsOf(body).some((row) => row.resource === "session")).toBe(true);
  });

  it("get a 400 naming a filter that is not one of the log's, instead of a wider answer", async () => {
    const { status, body } = await callRoute(GET, "/api/audit?resource=invoices&resource_id=x", { as: admin });
    expect(status).toBe(400);
    expect(body.fields).toHaveProperty("resource");
  });
});
