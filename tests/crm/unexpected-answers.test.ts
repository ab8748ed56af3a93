import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";
import { startLocalHttp, type LocalHttp } from "./support/local-http";

/**
 * A "CRM" that answers what no CRM should: a proxy's HTML page, a body that
 * is not JSON, JSON without the envelope, and a list with one record the
 * dashboard cannot read. The person gets a plain message with the request id,
 * never a crash or the raw body; the one bad record is reported on its own.
 */
type Mode = "html" | "html-502" | "not-json" | "no-envelope" | "one-bad-record";
let mode: Mode = "html";
let crm: LocalHttp;
let staff: SignedIn;

const GOOD = { uuid: "11111111-1111-4111-8111-111111111111", first_name: "Ada", last_name: "Good", customer_type: "Residential", is_vip: false };
const BAD = { uuid: "22222222-2222-4222-8222-222222222222", last_name: 42 };

beforeAll(async () => {
  crm = await startLocalHttp((_request, _body, response) => {
    if (mode === "html" || mode === "html-502") {
      response.statusCode = mode === "html" ? 200 : 502;
      response.setHeader("content-type", "text/html");
      response.end("<html><body><h1>502 Bad Gateway</h1><p>secret-upstream-host</p></body></html>");
    } else if (mode === "not-json") {
      response.setHeader("content-type", "application/json");
      response.end("{oops secret-upstream-host");
    } else if (mode === "no-envelope") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ customers: [], note: "secret-upstream-host" }));
    } else {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ success: true, data: { customers: [GOOD, BAD], pagination: { page: 1, limit: 50, total: 2, total_pages: 1 } } }));
    }
  });
  configureInMemoryApp({
    CRM_BASE_URL: `${crm.url}/api/v1`,
    CRM_API_KEY: "ctc_test_unexpected_key",
    CRM_CACHE_TTL_SECONDS: "0",
    CRM_TIMEOUT_MS: "2000",
    MIRROR_SYNC: "off",
  });
  staff = await signedInUser("staff");
});

afterAll(async () => {
  await crm.close();
});

const list = async () => callRoute((await import("@/app/api/customers/route")).GET, "/api/customers", { as: staff });

describe("an answer that is not the CRM's", () => {
  for (const each of ["html", "not-json", "no-envelope"] as const) {
    it(`(${each}) is a plain message with the request id, not a crash or the raw body`, async () => {
      mode = each;
      const { status, body } = await list();
      expect(status).toBe(502);
      expect(body).toMatchObject({ success: false, code: "crm_misconfigured" });
      expect(body.error).toContain("The CRM answered with something unexpected");
      expect((body as { request_id?: string }).request_id).toMatch(/\w{8}/);
      expect(JSON.stringify(body)).not.toContain("secret-upstream-host");
    });
  }

  it("(an HTML error page from a proxy) says the CRM is not answering, without the page", async () => {
    mode = "html-502";
    const { status, body } = await list();
    expect(status).toBe(503);
    expect(body).toMatchObject({ success: false, code: "crm_unavailable" });
    expect((body as { request_id?: string }).request_id).toMatch(/\w{8}/);
    expect(JSON.stringify(body)).not.toContain("secret-upstream-host");
  });
});

describe("a list with one record the dashboard cannot read", () => {
  it("shows the others and reports that one by its uuid", async () => {
    mode = "one-bad-record";
    const { status, body } = await list();
    expect(status, JSON.stringify(body)).toBe(200);
    const data = body.data as { customers: Array<{ uuid: string }>; unreadable: Array<{ uuid: string | null }> };
    expect(data.customers.map((customer) => customer.uuid)).toEqual([GOOD.uuid]);
    expect(data.unreadable).toEqual([{ uuid: BAD.uuid }]);
  });
});
