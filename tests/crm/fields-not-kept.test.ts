import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, signInAsFirstAdmin, type SignedIn } from "@/tests/support/app-accounts";
import { startRewritingProxy, type LocalHttp, type ProxiedRequest } from "./support/local-http";

/**
 * A CRM that never keeps a field (here: a proxy in front of the real sandbox
 * that drops `notes` from every customer write). The dashboard sends the
 * field once more in a follow-up update with a key derived from the save's;
 * when that does not stick either, the answer names the field (`not_saved`),
 * the record is saved with everything else, and the audit log says so. A
 * retry of the whole save repeats nothing: both requests are replayed.
 */
let sandbox: TestSandbox;
let proxy: LocalHttp & { log: ProxiedRequest[] };
let staff: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 1_000_000 });
  proxy = await startRewritingProxy(sandbox.url, (method, path, body) => {
    if (!path.startsWith("/api/v1/customers")) return body;
    const { notes: _dropped, ...kept } = body;
    return kept;
  });
  configureInMemoryApp({ CRM_BASE_URL: `${proxy.url}/api/v1`, CRM_API_KEY: sandbox.apiKeys[0] ?? "", CRM_CACHE_TTL_SECONDS: "0", MIRROR_SYNC: "off" });
  staff = await signedInUser("staff");
  admin = await signInAsFirstAdmin();
});

afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});

const customers = () => import("@/app/api/customers/route");
const customer = () => import("@/app/api/customers/[uuid]/route");
const audit = () => import("@/app/api/audit/route");

// The same phone on every customer here: these tests are about fields kept, not duplicates (ADR-021).
const input = (last: string) => ({
  first_name: "Nora",
  last_name: last,
  phone: "(206) 555-0190",
  physical_city: "Seattle",
  notes: "Side door only",
  confirm_duplicate: true,
});
const send = (handler: Parameters<typeof callRoute>[0], url: string, method: string, json: unknown, key: string, uuid?: string) =>
  callRoute(handler, url, {
    method,
    as: staff,
    params: uuid ? { uuid } : {},
    body: JSON.stringify(json),
    headers: { "content-type": "application/json", "idempotency-key": key },
  });

describe("a field the CRM does not keep", () => {
  it("is named in the answer, the rest is saved, the audit log records it, and a retry of the whole save repeats nothing", async () => {
    const last = `Notkept${randomUUID().replace(/\d|-/g, "").slice(0, 6)}`;
    const key = randomUUID();
    proxy.log.length = 0;
    const first = await send((await customers()).POST, "/api/customers", "POST", input(last), key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const saved = first.body.data as { uuid: string; not_saved?: string[]; physical_city: string | null; notes: string | null };
    expect(saved.not_saved).toEqual(["notes"]);
    expect(saved).toMatchObject({ physical_city: "Seattle", notes: null });

    const writes = async () => (await sandbox.client().get(`/customers?search=${last}`)).body.data.pagination.total as number;
    expect(await writes()).toBe(1);

    const retry = await send((await customers()).POST, "/api/customers", "POST", input(last), key);
    expect(retry.status).toBe(201);
    expect(retry.body.data).toMatchObject({ uuid: saved.uuid, not_saved: ["notes"] });
    expect(await writes()).toBe(1);
    // The follow-up update's key is derived from the save's, so the retry replays both requests instead of writing again.
    const writesSent = proxy.log.filter((entry) => entry.method !== "GET");
    expect(writesSent.map((entry) => [entry.method, entry.replayed])).toEqual([
      ["POST", false],
      ["PUT", false],
      ["POST", true],
      ["PUT", true],
    ]);
    expect(writesSent[1]?.idempotencyKey).toBe(`${writesSent[0]?.idempotencyKey ?? ""}-fill`);

    const log = await callRoute((await audit()).GET, `/api/audit?resource=customer&resource_id=${saved.uuid}`, { as: admin });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const rows = (log.body.data as { rows: Array<{ action: string; outcome: string; detail: string | null }> }).rows;
    expect(rows.filter((row) => row.action === "create")).not.toHaveLength(0);
    for (const row of rows.filter((entry) => entry.action === "create")) {
      expect(row.outcome).toBe("accepted");
      expect(row.detail).toContain("the CRM did not keep notes");
    }
  });

  it("on an edit too: the other fields of the change are saved, the one not kept is named", async () => {
    const last = `Notkept${randomUUID().replace(/\d|-/g, "").slice(0, 6)}`;
    const created = (await send((await customers()).POST, "/api/customers", "POST", input(last), randomUUID())).body.data as {
      uuid: string;
      updated_at: string;
    };
    const edited = await send(
      (await customer()).PUT,
      `/api/customers/${created.uuid}`,
      "PUT",
      { company_name: "Harbor Bakery", notes: "Front door now", expected_updated_at: created.updated_at },
      randomUUID(),
      created.uuid,
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.data).toMatchObject({ company_name: "Harbor Bakery", notes: null, not_saved: ["notes"] });
  });
});
