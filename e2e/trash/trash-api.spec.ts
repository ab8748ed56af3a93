import { newIdempotencyKey, upstreamCount } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";
import { createCustomer } from "../customers/customer-fixtures";

/** The trash's API answers: bad input and forged ids are 4xx envelopes, never a 500 or a silent no-op. */
test("restoring a record of another company (a forged uuid) is a 404, and changes nothing", async ({ staffApi }) => {
  const response = await staffApi.post("/api/customers/7d3f3c1e-0000-4000-8000-000000000000/restore", { headers: { "Idempotency-Key": newIdempotencyKey() } });
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ success: false, code: "not_found" });
});

test("restoring a record that is not deleted is a 409 not_deleted, not a silent success", async ({ staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  const response = await staffApi.post(`/api/customers/${customer.uuid}/restore`, { headers: { "Idempotency-Key": newIdempotencyKey() } });
  expect(response.status()).toBe(409);
  const body = await response.json();
  expect(body).toMatchObject({ success: false, code: "not_deleted" });
  expect(body.error).toContain("is not in the trash");
  expect((await sandbox.get<{ updated_at: string }>(`/customers/${customer.uuid}`)).updated_at).toBe(customer.updated_at);
});

test("a restore retried with its key after the answer was lost succeeds again instead of saying 'already restored'", async ({ staffApi }) => {
  const customer = await createCustomer(staffApi);
  await staffApi.delete(`/api/customers/${customer.uuid}`, { headers: { "Idempotency-Key": newIdempotencyKey() } });
  const key = newIdempotencyKey();
  const first = await staffApi.post(`/api/customers/${customer.uuid}/restore`, { headers: { "Idempotency-Key": key } });
  const retry = await staffApi.post(`/api/customers/${customer.uuid}/restore`, { headers: { "Idempotency-Key": key } });
  expect(first.status()).toBe(200);
  expect(retry.status()).toBe(200);
});

test("bad trash queries and restore bodies are refused on the field, before any CRM request", async ({ staffApi }) => {
  const before = await upstreamCount(staffApi);
  const badTab = await staffApi.get("/api/trash?tab=invoices");
  expect(badTab.status()).toBe(400);
  expect((await badTab.json()).fields).toHaveProperty("tab");
  const badPage = await staffApi.get("/api/trash?tab=jobs&page=0");
  expect((await badPage.json()).fields).toHaveProperty("page");
  const badParam = await staffApi.get("/api/trash?tab=jobs&kind=deleted");
  expect(badParam.status()).toBe(400);
  expect((await badParam.json()).fields).toEqual({ kind: "“kind” is not offered. Allowed: tab, search, page, limit." });
  const badRestore = await staffApi.post("/api/jobs/7d3f3c1e-0000-4000-8000-000000000000/restore", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { expected_deleted_at: "yesterday" },
  });
  expect(badRestore.status()).toBe(400);
  expect((await badRestore.json()).fields).toHaveProperty("expected_deleted_at");
  expect(await upstreamCount(staffApi)).toBe(before);
});

test("a viewer may read the trash but not run a full pass (it spends the company's quota)", async ({ viewerApi }) => {
  expect((await viewerApi.get("/api/trash?tab=customers")).status()).toBe(200);
  expect((await viewerApi.post("/api/sync/run")).status()).toBe(403);
});
