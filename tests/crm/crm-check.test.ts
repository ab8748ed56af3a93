import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/sandbox/src/testing/test-sandbox";
import { startLocalHttp, type LocalHttp } from "./support/local-http";

/**
 * npm run crm:check's probes against the real sandbox in both modes, and
 * against a server that answers a proxy's HTML page: each probe reports what
 * it saw and the check goes on.
 */
const check = () => import("@/lib/crm/compat/crm-check.server");
let full: TestSandbox;
let strict: TestSandbox;
let html: LocalHttp;

beforeAll(async () => {
  [full, strict] = await Promise.all([
    startTestSandbox({ seed: { customers: 8, jobs: 16, seed: 3 } }),
    startTestSandbox({ seed: { customers: 8, jobs: 16, seed: 3 }, strictDocs: true }),
  ]);
  html = await startLocalHttp((_request, _body, response) => {
    response.statusCode = 200;
    response.setHeader("content-type", "text/html");
    response.end("<html><body>Sign in to the corporate proxy</body></html>");
  });
});

afterAll(async () => {
  await Promise.all([full.close(), strict.close(), html.close()]);
});

const outcomes = (report: { results: Array<{ assumption: string; outcome: string }> }) =>
  Object.fromEntries(report.results.map((result) => [result.assumption.split(" ").slice(0, 4).join(" "), result.outcome]));

describe("crm:check", () => {
  it("finds the full sandbox as assumed, spending what it announced, and deletes what it wrote", async () => {
    const { runCrmCheck, requestsFor } = await check();
    const report = await runCrmCheck({ baseUrl: full.apiUrl, apiKey: full.apiKeys[0] ?? "", write: true });
    // Every probe ran to its answer (a probe that checks nothing sends nothing, and would show as a short count below).
    const unchecked = report.results.filter((result) => result.outcome === "not checked" || result.outcome === "failed");
    expect(unchecked.map((result) => `${result.assumption}: ${result.outcome}, ${result.observed}`)).toEqual([]);
    expect(report.requestsSpent).toBe(requestsFor(true));
    const differing = report.results.filter((result) => result.outcome !== "as assumed").map((result) => result.assumption);
    // The sandbox has no stale-update check; nothing else differs.
    expect(differing).toEqual(["An update with an older updated_at is refused with 409 (a stale-update check)"]);
    const left = await full.client().get("/customers?search=Self-check");
    expect(left.body.data.pagination.total).toBe(0);
  });

  it("finds where the strict-docs sandbox differs", async () => {
    const { runCrmCheck } = await check();
    const report = await runCrmCheck({ baseUrl: strict.apiUrl, apiKey: strict.apiKeys[0] ?? "", write: true });
    expect(outcomes(report)).toMatchObject({
      "Customer list items carry": "differs",
      "Job list items carry": "differs",
      "Customer create keeps every": "differs",
      "Job create keeps every": "differs",
      "Update keeps the fields": "as assumed",
      "A date alone (YYYY-MM-DD)": "differs",
      "The same Idempotency-Key replays": "as assumed",
    });
    expect(report.results.find((result) => result.assumption.startsWith("Customer create"))?.observed).toContain("physical_address1");
  });

  it("read-only by default: no record is created", async () => {
    const { runCrmCheck, requestsFor } = await check();
    const before = (await full.client().get("/customers?limit=1&include_deleted=true")).body.data.pagination.total as number;
    const report = await runCrmCheck({ baseUrl: full.apiUrl, apiKey: full.apiKeys[0] ?? "", write: false });
    expect(report.requestsSpent).toBeLessThanOrEqual(requestsFor(false));
    expect((await full.client().get("/customers?limit=1&include_deleted=true")).body.data.pagination.total).toBe(before);
  });

  it("reports an HTML answer on each probe and goes on, without the page's text", async () => {
    const { runCrmCheck, reportTable } = await check();
    const report = await runCrmCheck({ baseUrl: `${html.url}/api/v1`, apiKey: "ctc_test_html", write: true });
    const failed = report.results.filter((result) => result.outcome === "failed");
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const result of failed) expect(result.observed).toMatch(/^the CRM answered with something unexpected \(HTTP 200, text\/html/);
    expect(reportTable(report)).not.toContain("corporate proxy");
  });
});
