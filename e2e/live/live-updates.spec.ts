import { request } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { E2E_APP_URL } from "../support/test-env";
import { boardCard } from "../jobs/board-helpers";
import { createTestCustomer, createTestJob, type TestCustomer, type TestJob } from "../jobs/job-fixtures";
import { syncMirror } from "../schedule/schedule-helpers";
import { openLive, personBrowser, saveJob, waitForLive } from "./live-helpers";

/**
 * Live updates between staff (ADR-022): what one person saves through the
 * dashboard appears on the screens a colleague has open, without a reload:
 * the board (with who moved the card), the schedule, the job table, the
 * record page; an open edit form warns before Save; a dropped stream catches
 * up; a change the sync finds in the CRM reaches an open board; a viewer is
 * told too; and the stream is for signed-in people only.
 */
test.describe.configure({ mode: "serial" });

let customer: TestCustomer;
const label = (job: TestJob) => `${job.job_number} ${job.title}`;
const boardFor = (job: TestJob) => `/jobs/board?search=${encodeURIComponent(job.title)}`;
/** A day of its own in the 2040s, so the schedule's day view holds only this spec's jobs. */
const DAY = `2041-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
/** Live changes arrive within 2 seconds; a busy test machine gets some room beyond that. */
const LIVE = { timeout: 5_000 };

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Livewire");
});

async function newJob(sandbox: Parameters<typeof createTestJob>[0], fields: Record<string, unknown> = {}, sync?: Parameters<typeof syncMirror>[0]) {
  const job = await createTestJob(sandbox, customer, { status: "New", ...fields });
  // The schedule and the tables read the mirror: a full pass brings the new job in.
  if (sync) await syncMirror(sync);
  return job;
}

test("a card moved on one person's board moves on a colleague's, saying who moved it", async ({ browser, sandbox }) => {
  const job = await newJob(sandbox);
  const staff = await personBrowser(browser, "staff");
  const admin = await personBrowser(browser, "admin");
  try {
    const theirs = await openLive(admin, boardFor(job));
    const mine = await openLive(staff, boardFor(job));
    await expect(boardCard(theirs, "New", label(job))).toBeVisible();

    await boardCard(mine, "New", label(job))
      .getByRole("button", { name: `Move to…, ${label(job)}` })
      .click();
    await mine.getByRole("menuitem", { name: "Contacted" }).click();

    const moved = boardCard(theirs, "Contacted", label(job));
    await expect(moved).toBeVisible(LIVE);
    await expect(moved.getByText(`Moved by ${ACCOUNTS.staff.name}`)).toBeVisible();
    await expect(boardCard(theirs, "New", label(job))).toHaveCount(0);
    // The mover's own card does not say it was moved by someone else, and the note goes after a few seconds.
    await expect(boardCard(mine, "Contacted", label(job))).toBeVisible();
    await expect(boardCard(mine, "Contacted", label(job)).getByText(/Moved by/)).toHaveCount(0);
    await expect(moved.getByText(/Moved by/)).toHaveCount(0, { timeout: 12_000 });
  } finally {
    await Promise.all([staff.close(), admin.close()]);
  }
});

test("a change saved by one person shows on a colleague's schedule, job table and record page", async ({ browser, sandbox, staffApi }) => {
  const job = await newJob(sandbox, { scheduled_date: DAY, scheduled_time_start: "09:00", scheduled_time_end: "10:00" }, staffApi);
  const admin = await personBrowser(browser, "admin");
  try {
    const schedule = await openLive(admin, `/schedule?view=day&date=${DAY}`);
    const table = await openLive(admin, `/jobs?search=${encodeURIComponent(job.title)}`);
    const record = await openLive(admin, `/jobs/${job.uuid}`);
    await expect(schedule.getByRole("article", { name: label(job) })).toBeVisible();
    await expect(table.getByRole("link", { name: job.title })).toBeVisible();

    const renamed = `${job.title} renamed`;
    await saveJob(staffApi, job.uuid, { title: renamed, scheduled_time_start: "13:00", scheduled_time_end: "14:00" });

    const card = schedule.getByRole("article", { name: `${job.job_number} ${renamed}` });
    await expect(card).toBeVisible(LIVE);
    await expect(card.getByText("Moved by")).toContainText(ACCOUNTS.staff.name);
    await expect(table.getByRole("link", { name: renamed })).toBeVisible(LIVE);
    await expect(record.getByRole("heading", { level: 1 })).toContainText(renamed, LIVE);
  } finally {
    await admin.close();
  }
});

test("an edit form open on a job someone else just changed says so before Save, and shows their change", async ({ browser, sandbox, staffApi }) => {
  const job = await newJob(sandbox);
  const admin = await personBrowser(browser, "admin");
  try {
    const form = await openLive(admin, `/jobs/${job.uuid}/edit`);
    await form.getByLabel("Internal notes").fill("Bring the long ladder");

    await saveJob(staffApi, job.uuid, { status: "Scheduled" });

    const notice = form.getByText(new RegExp(`^${ACCOUNTS.staff.name} changed this job at .+ — review their changes before saving\\.$`));
    await expect(notice).toBeVisible(LIVE);
    await form.getByRole("button", { name: "Review their changes" }).click();
    const review = form.getByRole("region", { name: "Someone else changed this job while you were editing" });
    await expect(review).toBeVisible();
    await expect(review.getByRole("row", { name: /Status/ })).toContainText("Scheduled");
    // What this person typed is still there, on top of the newer job.
    await expect(form.getByLabel("Internal notes")).toHaveValue("Bring the long ladder");
    await expect(notice).toHaveCount(0);
  } finally {
    await admin.close();
  }
});

test("a dropped stream reconnects and shows what it missed", async ({ browser, sandbox, staffApi }) => {
  const job = await newJob(sandbox);
  const admin = await personBrowser(browser, "admin");
  try {
    // Keeps the tab's EventSource at hand, so the test can break its connection as a network would.
    await admin.addInitScript(() => {
      const Native = window.EventSource;
      const opened: EventSource[] = [];
      (window as unknown as { __liveStreams: EventSource[] }).__liveStreams = opened;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          opened.push(this);
        }
      };
    });
    const board = await openLive(admin, boardFor(job));
    await expect(boardCard(board, "New", label(job))).toBeVisible();

    // The connection breaks, and every attempt to reopen it fails while the change is saved.
    await board.route("**/api/events**", (route) => route.abort("internetdisconnected"));
    await board.evaluate(() => {
      const stream = (window as unknown as { __liveStreams: EventSource[] }).__liveStreams.at(-1)!;
      stream.close();
      stream.dispatchEvent(new Event("error"));
    });
    await expect(board.locator('body[data-live="reconnecting"]')).toBeAttached();
    await saveJob(staffApi, job.uuid, { status: "Estimate Sent" });
    await board.waitForTimeout(1_500);
    await expect(boardCard(board, "New", label(job))).toBeVisible();

    // The network is back: the tab reopens its stream from the last event it heard and is sent what it missed.
    await board.unroute("**/api/events**");
    await waitForLive(board);
    await expect(boardCard(board, "Estimate Sent", label(job))).toBeVisible(LIVE);
  } finally {
    await admin.close();
  }
});

test("a change made in the CRM and found by the sync reaches an open board", async ({ browser, sandbox, staffApi }) => {
  const job = await newJob(sandbox, {}, staffApi);
  const admin = await personBrowser(browser, "admin");
  try {
    const board = await openLive(admin, boardFor(job));
    await expect(boardCard(board, "New", label(job))).toBeVisible();

    // Changed outside the dashboard, then Sync now.
    await sandbox.put(`/jobs/${job.uuid}`, { status: "Contacted" });
    await syncMirror(staffApi);

    await expect(boardCard(board, "Contacted", label(job))).toBeVisible(LIVE);
  } finally {
    await admin.close();
  }
});

test("a viewer's open record page updates too", async ({ browser, sandbox, staffApi }) => {
  const job = await newJob(sandbox);
  const viewer = await personBrowser(browser, "viewer");
  try {
    const record = await openLive(viewer, `/jobs/${job.uuid}`);
    const renamed = `${job.title} seen by the viewer`;
    await saveJob(staffApi, job.uuid, { title: renamed });
    await expect(record.getByRole("heading", { level: 1 })).toContainText(renamed, LIVE);
  } finally {
    await viewer.close();
  }
});

test("the stream answers a request without a session with the 401 envelope", async () => {
  const anonymous = await request.newContext({ baseURL: E2E_APP_URL });
  try {
    const response = await anonymous.get("/api/events");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ success: false, code: "unauthenticated", error: "Sign in to continue." });
  } finally {
    await anonymous.dispose();
  }
});
