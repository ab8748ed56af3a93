import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";
import { startLocalHttp, type LocalHttp } from "./support/local-http";

/**
 * The list routes hand on a record they could not read by its uuid
 * (`unreadable`), beside the records they could, for the tables to show
 * (ADR-019). A proxy in front of the real sandbox spoils the second record of
 * every customer and job list answer, as a CRM that differs from its docs might.
 */
let sandbox: TestSandbox;
let proxy: LocalHttp;
let staff: SignedIn;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 5, jobs: 5, seed: 9 }, monthlyQuota: 1_000_000 });
  proxy = await startLocalHttp(async (request, body, response) => {
    const path = request.url ?? "/";
    const upstream = await fetch(`${sandbox.url}${path}`, {
      method: request.method,
      headers: { authorization: request.headers.authorization ?? "", "content-type": "application/json" },
      body: request.method === "GET" || request.method === "HEAD" ? undefined : body,
    });
    const answer = (await upstream.json()) as { data?: Record<string, unknown> };
    const list = /^\/api\/v1\/(customers|jobs)(\?|$)/.exec(path)?.[1];
    const records = list ? (answer.data?.[list] as Array<Record<string, unknown>> | undefined) : undefined;
    if (records?.[1]) records[1] = list === "customers" ? { ...records[1], last_name: 42 } : { ...records[1], status: { not: "a status" } };
    response.statusCode = upstream.status;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(answer));
  });
  configureInMemoryApp({ CRM_BASE_URL: `${proxy.url}/api/v1`, CRM_API_KEY: sandbox.apiKeys[0] ?? "", CRM_CACHE_TTL_SECONDS: "0", MIRROR_SYNC: "off" });
  staff = await signedInUser("staff");
});

afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});

describe("a list page with a record the dashboard cannot read", () => {
  for (const resource of ["customers", "jobs"] as const) {
    it(`(${resource}) answers the others and names that one by its uuid`, async () => {
      const direct = (await sandbox.client().get(`/${resource}?limit=25`)).body.data[resource] as Array<{ uuid: string }>;
      const spoiled = direct[1]?.uuid;
      expect(spoiled).toBeTruthy();
      const { GET } = await import(`@/app/api/${resource}/route`);
      const { status, body } = await callRoute(GET, `/api/${resource}?limit=25`, { as: staff });
      expect(status, JSON.stringify(body)).toBe(200);
      const data = body.data as Record<string, unknown> & { unreadable: Array<{ uuid: string | null }> };
      const rows = data[resource] as Array<{ uuid: string }>;
      expect(rows.map((row) => row.uuid)).toEqual(direct.filter((row) => row.uuid !== spoiled).map((row) => row.uuid));
      expect(data.unreadable).toEqual([{ uuid: spoiled }]);
    });
  }
});
