import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "../testing/test-sandbox";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

it("turns one company's key away as revoked or without the add-on until cleared, leaving others alone", async () => {
  const key = uniqueApiKey("access");
  const other = uniqueApiKey("access-other");
  await sandbox.addCompany(key);
  await sandbox.addCompany(other);
  const client = sandbox.client(key);
  const admin = sandbox.rootClient(key);

  expect((await admin.put("/__sandbox/access", { refuse: "invalid_key" })).status).toBe(200);
  const revoked = await client.get("/customers");
  expect(revoked.status).toBe(401);
  expect(revoked.body).toEqual({ success: false, error: "Invalid API key" });
  expect((await sandbox.client(other).get("/customers")).status).toBe(200);

  expect((await admin.put("/__sandbox/access", { refuse: "addon_required" })).status).toBe(200);
  const lapsed = await client.get("/customers");
  expect(lapsed.status).toBe(403);
  expect(lapsed.body).toMatchObject({ success: false, error: expect.stringContaining("add-on") });

  expect((await admin.put("/__sandbox/access", { refuse: "sometimes" })).status).toBe(400);
  expect((await admin.put("/__sandbox/access", { refuse: null })).status).toBe(200);
  expect((await client.get("/customers")).status).toBe(200);
});
