import type { APIRequestContext, Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { newIdempotencyKey } from "./support/dashboard-api";
import { expect, test, type Sandbox } from "./support/fixtures";
import { boardCard } from "./jobs/board-helpers";
import { letters, randomPhone, uniqueLastName } from "./customers/customer-fixtures";

/**
 * When the CRM cannot answer (down, or the month's quota spent), the screens
 * the CRM answers fall back to the mirror (ADR-018): a customer page, a job
 * page and the board still show their records, marked with the age of the
 * copy, and offer no edit; a save sent anyway is refused with the reason.
 */
test.use({ storageState: storageStatePath("staff") });

interface Made {
  customer: { uuid: string; first_name: string; last_name: string };
  job: { uuid: string; job_number: string; title: string; status: string };
}

/** The e2e app's CRM_CACHE_TTL_SECONDS (the default). */
const CACHE_LIFETIME_MS = 15_000;

/** Made through the dashboard, so the mirror has them at once (write-through), and never read before: no cached answer to fall back on. */
async function makeRecords(api: APIRequestContext): Promise<Made> {
  const created = await api.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { first_name: "Mira", last_name: uniqueLastName(), phone: randomPhone() },
  });
  expect(created.status(), await created.text()).toBe(201);
  const customer = ((await created.json()) as { data: Made["customer"] }).data;
  const booked = await api.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { customer_uuid: customer.uuid, title: `Mirror fallback ${letters(8)}`, status: "Scheduled" },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  // The CRM's answers to the creates confirm both records: within the cache's lifetime (15 s) the mirror's copy is served as a
  // cache hit, fresh, whatever the CRM's state (ADR-018). Past it, a page must ask the CRM, which is what these tests are about.
  await new Promise((resolve) => setTimeout(resolve, CACHE_LIFETIME_MS + 500));
  return { customer, job: ((await booked.json()) as { data: Made["job"] }).data };
}

async function expectRecordsFromTheMirror(page: Page, made: Made) {
  const name = `${made.customer.first_name} ${made.customer.last_name}`;
  const saved = /^Showing saved data from .+; the CRM is not answering, so it may be out of date\.$/;

  await page.goto(`/customers/${made.customer.uuid}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  await expect(page.getByTestId("edits-paused")).toHaveText(
    "Editing this customer is paused: the CRM is not taking changes right now. Reload once it is back.",
  );
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

  await page.goto(`/jobs/${made.job.uuid}`);
  await expect(page.getByRole("heading", { level: 1, name: made.job.title })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  await expect(page.getByTestId("edits-paused")).toContainText("Editing this job is paused");
  await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);

  const label = `${made.job.job_number} ${made.job.title}`;
  await page.goto(`/jobs/board?search=${encodeURIComponent(made.job.title)}`);
  await expect(boardCard(page, "Scheduled", label)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  await expect(page.getByTestId("edits-paused")).toContainText("Editing the board is paused");
  await expect(page.getByRole("button", { name: `Move to…, ${label}` })).toHaveCount(0);
}

async function expectSaveRefused(api: APIRequestContext, made: Made, status: number, code: string, says: string) {
  const refused = await api.put(`/api/jobs/${made.job.uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { status: "Complete", expected_updated_at: new Date().toISOString() },
  });
  expect(refused.status()).toBe(status);
  const body = (await refused.json()) as { success: boolean; code: string; error: string };
  expect(body).toMatchObject({ success: false, code });
  expect(body.error).toContain(says);
}

async function withFaults(sandbox: Sandbox, work: () => Promise<void>) {
  await sandbox.setFaults({ error_rate: 1 });
  try {
    await work();
  } finally {
    await sandbox.clearFaults();
  }
}

test("with the CRM down, a customer page, a job page and the board show the mirror's copy with its age, and edits are refused", async ({
  page,
  sandbox,
  staffApi,
}) => {
  const made = await makeRecords(staffApi);
  await withFaults(sandbox, async () => {
    await expectRecordsFromTheMirror(page, made);
    await expectSaveRefused(staffApi, made, 503, "crm_unavailable", "not answering");
  });
  // Once the CRM is back, the page is the CRM's own again, with its Edit button.
  await page.goto(`/jobs/${made.job.uuid}`);
  await expect(page.getByRole("link", { name: /^Edit / })).toBeVisible();
  await expect(page.getByTestId("edits-paused")).toHaveCount(0);
});

test("with the month's quota spent, the same screens answer from the mirror and a save is refused as over the allowance", async ({
  page,
  sandbox,
  staffApi,
}) => {
  const made = await makeRecords(staffApi);
  await sandbox.setUsage(50_000);
  try {
    await expectRecordsFromTheMirror(page, made);
    await expectSaveRefused(staffApi, made, 429, "usage_limit", "allowance is used up");
  } finally {
    await sandbox.resetUsage();
  }
});
