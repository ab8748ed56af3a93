import { storageStatePath } from "../support/accounts";
import { newIdempotencyKey } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";
import { syncMirrorNow } from "../support/mirror-sync";
import { createCustomer, createOpenJob, createOpenJobHere, fullName } from "../customers/customer-fixtures";

/**
 * What the office session no longer asks the CRM for once the mirror has
 * finished a full pass (ADR-018), counted with the sandbox's own per-key
 * request counter (what the CRM bills), and what a person still sees: the
 * board's filter lists, a lookup match's open jobs (with their age), a record
 * the CRM has just confirmed.
 */
test.use({ storageState: storageStatePath("staff") });

interface CrmJob {
  assigned_user?: { id: string; first_name: string; last_name: string } | null;
}

test.beforeEach(async ({ staffApi }) => {
  await syncMirrorNow(staffApi);
});

test("the board's filter lists (locations, assignees) cost no CRM request and hold what the CRM holds", async ({ staffApi, sandbox }) => {
  const crmLocations = await sandbox.get<{ locations: Array<{ uuid: string }> }>("/locations?limit=100");
  const crmJobs = await sandbox.get<{ jobs: CrmJob[] }>("/jobs?limit=100");

  const before = await sandbox.usage();
  const locations = (await (await staffApi.get("/api/locations")).json()).data;
  const assignees = (await (await staffApi.get("/api/jobs/assignees")).json()).data;
  expect(await sandbox.usage()).toBe(before);

  expect(locations.source.from).toBe("mirror");
  expect(locations.source.asOf.lastFullPassAt).not.toBeNull();
  expect(locations.locations.map((location: { uuid: string }) => location.uuid).sort()).toEqual(crmLocations.locations.map((location) => location.uuid).sort());
  expect(assignees.source.from).toBe("mirror");
  // Everyone on the CRM's newest 100 jobs (what the CRM list answered before) is among them.
  const ids = new Set(assignees.assignees.map((person: { id: string }) => person.id));
  for (const job of crmJobs.jobs) if (job.assigned_user) expect(ids.has(job.assigned_user.id), job.assigned_user.id).toBe(true);
});

test("opening the board costs one CRM request", async ({ page, sandbox }) => {
  const before = await sandbox.usage();
  await page.goto("/jobs/board");
  await expect(page.getByRole("region", { name: /^New / })).toBeVisible();
  await expect.poll(() => page.getByLabel("Location").locator("option").count()).toBeGreaterThan(1);
  await page.waitForLoadState("networkidle");
  expect(await sandbox.usage()).toBe(before + 1);
});

test("a lookup costs one CRM request and shows a job booked in the dashboard at once, with the open jobs' age", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  const job = await createOpenJobHere(staffApi, customer.uuid);
  const digits = (customer.phone ?? "").replace(/\D/g, "");

  const before = await sandbox.usage();
  await page.goto("/lookup");
  await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(digits);
  const match = page.getByRole("option", { name: new RegExp(fullName(customer)) });
  await expect(match).toContainText("1 open job");
  await expect(match).toContainText(job.title);
  await expect(match).toContainText("Open jobs from Tradesdesk's copy of the CRM, as of");
  await page.waitForLoadState("networkidle");
  expect(await sandbox.usage()).toBe(before + 1);

  // Opening the match right after: the lookup's search just confirmed the customer, so the page reads only their jobs.
  const opened = await sandbox.usage();
  await page.getByRole("combobox", { name: "Phone, email, name or address" }).press("Enter");
  await expect(page.getByRole("heading", { name: fullName(customer), level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await sandbox.usage()).toBe(opened + 1);
});

test("a job created in the CRM's own app shows on the lookup once sync has seen it", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  const job = await createOpenJob(sandbox, customer.uuid);
  const digits = (customer.phone ?? "").replace(/\D/g, "");

  const lookUp = async () => (await (await staffApi.get(`/api/lookup?q=${digits}`)).json()).data.matches[0].open_jobs;
  const beforeSync = await lookUp();
  expect(beforeSync.total).toBe(0);
  expect(beforeSync.as_of).not.toBeNull();

  await syncMirrorNow(staffApi);
  await page.goto("/lookup");
  await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(digits);
  await expect(page.getByRole("option", { name: new RegExp(fullName(customer)) })).toContainText(job.title);
});

test("a job and its customer the CRM has just answered are not asked for again; a save still checks the CRM and answers 409 to a change made elsewhere", async ({
  staffApi,
  sandbox,
}) => {
  const created = await staffApi.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { customer_uuid: (await createCustomer(staffApi)).uuid, title: "Gutter clean", status: "New" },
  });
  expect(created.status()).toBe(201);
  const job = (await created.json()).data as { uuid: string; updated_at: string; customer: { uuid: string } };

  const before = await sandbox.usage();
  const read = (await (await staffApi.get(`/api/jobs/${job.uuid}`)).json()) as { data: { title: string }; meta: { cache: string } };
  const customer = (await (await staffApi.get(`/api/customers/${job.customer.uuid}`)).json()) as { meta: { cache: string } };
  expect(await sandbox.usage()).toBe(before);
  expect(read.data.title).toBe("Gutter clean");
  expect(read.meta.cache).toBe("hit");
  expect(customer.meta.cache).toBe("hit");

  // A save still checks the CRM's own record: a change made elsewhere meanwhile is a 409, not overwritten.
  await sandbox.put(`/jobs/${job.uuid}`, { title: "Gutter clean (changed in the CRM)" });
  const stale = await staffApi.put(`/api/jobs/${job.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { status: "Contacted", expected_updated_at: job.updated_at },
  });
  expect(stale.status()).toBe(409);
});
