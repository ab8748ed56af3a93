import AxeBuilder from "@axe-core/playwright";
import { storageStatePath } from "./support/accounts";
import { crmGet } from "./support/crm";
import { expect, test } from "./support/fixtures";
import { syncMirrorNow } from "./support/mirror-sync";
import { localToday } from "./jobs/job-fixtures";

test.use({ storageState: storageStatePath("staff") });

const STATUSES = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
];
const OPEN = STATUSES.filter((status) => status !== "Invoiced" && status !== "Complete");
const NOT_STARTED = ["New", "Contacted", "Estimate Sent", "Estimate Approved", "Scheduled"];

interface CrmJob {
  status: string;
  priority: string;
  is_urgent: boolean;
  is_emergency: boolean;
  scheduled_date: string | null;
}

/** Every active job the sandbox holds, read through its own API page by page. */
async function allCrmJobs(): Promise<CrmJob[]> {
  const jobs: CrmJob[] = [];
  for (let page = 1; ; page += 1) {
    const data = await crmGet<{ jobs: CrmJob[]; pagination: { total_pages: number } }>(`/jobs?limit=100&page=${page}`);
    jobs.push(...data.jobs);
    if (page >= data.pagination.total_pages) return jobs;
  }
}

const count = (value: number) => value.toLocaleString("en-US");

test("the overview's counts and day lists match what the CRM holds, and opening it costs no CRM request", async ({ page, sandbox, staffApi }) => {
  await syncMirrorNow(staffApi);
  // What the sandbox holds, through its own HTTP API (not counted: the spec reads it before the overview is opened).
  const total = await sandbox.total("customers", "");
  const withDeleted = await sandbox.total("customers", "include_deleted=true");
  const commercial = await sandbox.total("customers", "filter=commercial");
  const vip = await sandbox.total("customers", "filter=vip");
  const byStatus = new Map<string, number>();
  for (const status of STATUSES) byStatus.set(status, await sandbox.total("jobs", `status=${encodeURIComponent(status)}`));
  const jobsTotal = await sandbox.total("jobs", "");
  const jobsDeleted = (await sandbox.total("jobs", "include_deleted=true")) - jobsTotal;
  const today = localToday();
  const open = (await allCrmJobs()).filter((job) => OPEN.includes(job.status));
  const day = (job: CrmJob) => job.scheduled_date?.slice(0, 10) ?? null;
  const expected = {
    today: open.filter((job) => day(job) === today).length,
    overdue: open.filter((job) => day(job) !== null && (day(job) ?? "") < today && NOT_STARTED.includes(job.status)).length,
    urgent: open.filter((job) => job.is_urgent || job.is_emergency || job.priority === "Emergency").length,
  };

  const before = await sandbox.usage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByTestId("mirror-freshness")).toContainText("From Tradesdesk's copy of the CRM, as of");
  await expect(page.getByTestId("customers-total")).toHaveText(count(total));
  const customers = page.getByRole("region", { name: "Customers" });
  await expect(customers.getByText("Residential", { exact: true }).locator("..")).toContainText(count(total - commercial));
  await expect(customers.getByText("Commercial", { exact: true }).locator("..")).toContainText(count(commercial));
  await expect(customers.getByText("VIP", { exact: true }).locator("..")).toContainText(count(vip));
  await expect(page.getByTestId("customers-deleted")).toHaveText(count(withDeleted - total));

  const jobsTable = page.getByRole("table", { name: /active jobs in each status/i });
  for (const status of STATUSES) {
    await expect(jobsTable.getByRole("row", { name: new RegExp(`^${status} `) })).toContainText(count(byStatus.get(status) ?? -1));
  }
  await expect(page.getByTestId("jobs-total")).toHaveText(count(jobsTotal));
  await expect(page.getByTestId("jobs-deleted")).toHaveText(count(jobsDeleted));
  await expect(page.getByRole("heading", { name: /^Scheduled today/ })).toHaveText(`Scheduled today (${expected.today})`);
  await expect(page.getByRole("heading", { name: /^Overdue/ })).toHaveText(`Overdue (${expected.overdue})`);
  await expect(page.getByRole("heading", { name: /^Urgent and emergency/ })).toHaveText(`Urgent and emergency (${expected.urgent})`);
  await page.waitForLoadState("networkidle");
  expect(await sandbox.usage()).toBe(before);
});

test("the CRM card says how the CRM last answered without asking it", async ({ page, sandbox }) => {
  // Any CRM read through the dashboard (here a customer list) is an answer the card can report.
  await page.goto("/customers");
  await expect(page.getByRole("table")).toBeVisible();
  const before = await sandbox.usage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "CRM connected" })).toBeVisible();
  await expect(page.getByText("This overview is read from Tradesdesk's copy of the CRM and cost no CRM requests.")).toBeVisible();
  expect(await sandbox.usage()).toBe(before);
});

test("the browser's own day comes from the mirror; a malformed day is refused naming it", async ({ staffApi }) => {
  const answer = await staffApi.get(`/api/overview/agenda?day=${localToday()}`);
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { data: { day: string } }).data.day).toBe(localToday());
  for (const bad of ["", "2026-13-01", "tomorrow"]) {
    const refused = await staffApi.get(`/api/overview/agenda?day=${encodeURIComponent(bad)}`);
    expect(refused.status()).toBe(400);
    const body = (await refused.json()) as { success: boolean; code: string; fields?: Record<string, string> };
    expect(body).toMatchObject({ success: false, code: "validation" });
    expect(Object.keys(body.fields ?? {})).toEqual(["day"]);
  }
});

test("the overview has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByTestId("customers-total")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
