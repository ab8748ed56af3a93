import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { waitForElementHydration } from "../support/hydration";
import { crmGet, crmPost } from "../support/crm";
import { createTestCustomer, uniqueTitle, type TestCustomer } from "../jobs/job-fixtures";
import { sandboxClient } from "../support/fixtures";

/** Records for the schedule specs, made straight in the sandbox CRM, in a week of their own far from the seed's dates. */
export interface Technician {
  id: string;
  name: string;
}

export interface ScheduledJob {
  uuid: string;
  job_number: string;
  title: string;
  updated_at: string;
  assigned_to_user_id: string | null;
  scheduled_date: string | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
}

export const label = (job: { job_number: string; title: string }) => `${job.job_number} ${job.title}`;

/** A Monday in the 2040s, different for each run and spec, so no other job shares the week. */
export function randomWeek(): string[] {
  const base = Date.UTC(2040, 0, 2); // a Monday
  const monday = base + Math.floor(Math.random() * 500) * 7 * 86_400_000;
  return Array.from({ length: 7 }, (_, index) => new Date(monday + index * 86_400_000).toISOString().slice(0, 10));
}

/** The sandbox company's technicians, as the CRM embeds them on its jobs. */
export async function technicians(): Promise<Technician[]> {
  // Page through: other specs' new jobs (most with nobody assigned) push the seeded ones off the first page.
  const byId = new Map<string, Technician>();
  for (let page = 1; page <= 20 && byId.size < 8; page += 1) {
    const { jobs, pagination } = await crmGet<{
      jobs: Array<{ assigned_user: { id: string; first_name: string; last_name: string } | null }>;
      pagination: { total_pages: number };
    }>(`/jobs?limit=100&page=${page}`);
    for (const job of jobs)
      if (job.assigned_user)
        byId.set(job.assigned_user.id, { id: job.assigned_user.id, name: `${job.assigned_user.first_name} ${job.assigned_user.last_name}` });
    if (page >= pagination.total_pages) break;
  }
  const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (list.length < 8) throw new Error(`the sandbox's jobs show ${list.length} technicians; the specs need 8`);
  return list;
}

export async function scheduleCustomer(): Promise<TestCustomer> {
  return createTestCustomer(sandboxClient, "Scheduler");
}

export async function createJob(customer: TestCustomer, fields: Record<string, unknown>): Promise<ScheduledJob> {
  return crmPost<ScheduledJob>("/jobs", { customer_uuid: customer.uuid, title: uniqueTitle("Visit"), ...fields });
}

export const crmScheduledJob = (uuid: string) => crmGet<ScheduledJob>(`/jobs/${uuid}`);

/** Sync now through the API, then wait until the pass has ended: the mirror holds what the sandbox holds. */
export async function syncMirror(api: APIRequestContext): Promise<void> {
  const started = await api.post("/api/sync/run");
  expect([202, 409]).toContain(started.status());
  await expect
    .poll(
      async () => {
        const status = (await (await api.get("/api/sync")).json()) as { data: { running: boolean; pass: unknown; lastPassCompletedAt: string | null } };
        return !status.data.running && status.data.pass === null && status.data.lastPassCompletedAt !== null;
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
}

/** The desktop grid (week or day). */
export const grid = (page: Page) => page.getByTestId("schedule-grid");

/** A week cell: one lane on one day. */
export const weekCell = (page: Page, lane: string, day: string) => grid(page).locator(`td[data-lane="${lane}"][data-day="${day}"]`);

/** A lane's row in either view. */
export const laneRow = (page: Page, lane: string) => grid(page).locator(`tr[data-lane-row="${lane}"]`);

export const card = (scope: Page | Locator, job: { job_number: string; title: string }) => scope.getByRole("article", { name: label(job) });

/** Drags a card with the mouse onto a drop target, in small steps as a hand would. */
export async function dragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  // The lanes and the tray hydrate in a Suspense boundary of their own, after the page's marker.
  await waitForElementHydration(from);
  await waitForElementHydration(to);
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  if (!start) throw new Error("card not on screen");
  // Grab the card by its top line (grip and job number), away from its link and button.
  const grab = { x: start.x + 14, y: start.y + 8 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 10, grab.y + 10, { steps: 4 });
  const end = await to.boundingBox();
  if (!end) throw new Error("drop target not on screen");
  const target = { x: end.x + end.width / 2, y: end.y + Math.min(end.height / 2, 30) };
  await page.mouse.move(target.x, target.y, { steps: 20 });
  // On a busy machine the drop targets may be measured after the last move: a small wiggle lets the pointer be seen over it.
  let wiggle = 0;
  await expect
    .poll(async () => {
      await page.mouse.move(target.x + (wiggle++ % 2), target.y);
      return (await to.getAttribute("class")) ?? "";
    })
    .toMatch(/outline-brand-600/);
  await page.mouse.up();
}

/** Presses Tab until the field has focus, as a keyboard user does (a date or time input holds a picker button of its own). */
export async function tabTo(page: Page, field: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let presses = 0; presses < 6; presses += 1) {
    if (await field.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(field).toBeFocused();
}
