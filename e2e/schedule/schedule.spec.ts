import AxeBuilder from "@axe-core/playwright";
import type { Locator } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { waitForHydration } from "../support/hydration";
import { formatWeekday } from "../../lib/schedule/schedule-dates";
import type { TestCustomer } from "../jobs/job-fixtures";
import {
  card,
  createJob,
  crmScheduledJob,
  dragTo,
  grid,
  label,
  laneRow,
  randomWeek,
  scheduleCustomer,
  syncMirror,
  tabTo,
  technicians,
  weekCell,
  type ScheduledJob,
  type Technician,
} from "./schedule-helpers";

/**
 * The dispatch schedule against the sandbox: the views place the CRM's jobs
 * by date, time and technician; drag and the Reschedule dialog change them
 * in the CRM; overlaps are marked and warned about; a stale record is
 * refused with its new state; a viewer only looks.
 */
test.use({ storageState: storageStatePath("staff"), viewport: { width: 1600, height: 1400 } });

const week = randomWeek();
const [MON, TUE, WED, THU, FRI, SAT, SUN] = week as [string, string, string, string, string, string, string];
let customer: TestCustomer;
let techs: Technician[];
const jobs: Record<string, ScheduledJob> = {};

test.beforeAll(async ({ staffApi }) => {
  test.setTimeout(120_000);
  customer = await scheduleCustomer();
  techs = await technicians();
  const t = (index: number) => techs[index]!.id;
  const make = async (name: string, fields: Record<string, unknown>) => {
    jobs[name] = await createJob(customer, fields);
  };
  // Placement
  await make("wedMorning", {
    scheduled_date: WED,
    scheduled_time_start: "09:00",
    scheduled_time_end: "11:00",
    assigned_to_user_id: t(0),
    estimated_amount: 400,
  });
  await make("wedAfternoon", { scheduled_date: WED, scheduled_time_start: "13:00", scheduled_time_end: "14:30", assigned_to_user_id: t(1) });
  await make("thuUnassigned", { scheduled_date: THU });
  await make("friEarly", { scheduled_date: FRI, scheduled_time_start: "08:00", assigned_to_user_id: t(0), estimated_amount: 300 });
  // Drag
  await make("dragInDay", { scheduled_date: MON, scheduled_time_start: "09:00", scheduled_time_end: "10:00", assigned_to_user_id: t(2) });
  // Emergency: first in the tray (most urgent first), however many undated jobs other specs gave this technician.
  await make("fromTray", { status: "Estimate Approved", priority: "Emergency", assigned_to_user_id: t(6) });
  // Dialog
  await make("byKeyboard", { scheduled_date: SAT, scheduled_time_start: "10:00", scheduled_time_end: "11:00", assigned_to_user_id: t(0) });
  await make("pastDay", { scheduled_date: SAT, scheduled_time_start: "15:00", scheduled_time_end: "16:00", assigned_to_user_id: t(0) });
  // Overlap
  await make("overlapA", { scheduled_date: TUE, scheduled_time_start: "09:00", scheduled_time_end: "11:00", assigned_to_user_id: t(3) });
  await make("overlapB", { scheduled_date: TUE, scheduled_time_start: "10:00", scheduled_time_end: "12:00", assigned_to_user_id: t(3) });
  await make("overlapC", { scheduled_date: TUE, scheduled_time_start: "13:00", scheduled_time_end: "14:00", assigned_to_user_id: t(4) });
  // A busy day: more jobs than a week cell shows
  for (let hour = 8; hour < 14; hour += 1) {
    await make(`busy${hour}`, {
      scheduled_date: SUN,
      scheduled_time_start: `${String(hour).padStart(2, "0")}:00`,
      scheduled_time_end: `${String(hour + 1).padStart(2, "0")}:00`,
      assigned_to_user_id: t(5),
    });
  }
  // Stale record
  await make("stale", { scheduled_date: THU, scheduled_time_start: "09:00", scheduled_time_end: "10:00", assigned_to_user_id: t(7) });
  await syncMirror(staffApi);
});

test("the week and day views place the CRM's jobs by date, time and technician, with each lane's hours and estimates", async ({ page }) => {
  await page.goto(`/schedule?view=week&date=${WED}`);
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expect(page.getByTestId("mirror-freshness")).toContainText("From Tradesdesk's copy of the CRM");
  const [first, second] = [techs[0]!, techs[1]!];

  await expect(card(weekCell(page, first.id, WED), jobs.wedMorning!)).toBeVisible();
  await expect(card(weekCell(page, first.id, WED), jobs.wedMorning!)).toContainText("09:00–11:00");
  await expect(card(weekCell(page, second.id, WED), jobs.wedAfternoon!)).toBeVisible();
  await expect(card(weekCell(page, "unassigned", THU), jobs.thuUnassigned!)).toBeVisible();
  await expect(card(weekCell(page, first.id, FRI), jobs.friEarly!)).toBeVisible();
  await expect(card(grid(page), jobs.wedMorning!)).toHaveCount(1);

  // The lane's week (2 h + a start-only visit taken as 1 h) and the day's own totals.
  await expect(laneRow(page, first.id).getByRole("rowheader")).toContainText(first.name);
  await expect(laneRow(page, first.id).getByRole("rowheader")).toContainText("5 h booked · $700 estimated");
  await expect(weekCell(page, first.id, WED)).toContainText("2 h booked · $400 estimated");

  // The tray: open jobs with no date, for one technician when the schedule shows one.
  await page.goto(`/schedule?view=week&date=${WED}&technician=${techs[6]!.id}`);
  await expect(card(page.getByRole("complementary", { name: /To schedule/ }), jobs.fromTray!)).toBeVisible();

  // The day view: lanes by hour; a card starts under its start time.
  await page.goto(`/schedule?view=week&date=${WED}`);
  await waitForHydration(page);
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Day" }).click();
  await expect(page).toHaveURL(/view=day/);
  const morning = card(laneRow(page, first.id), jobs.wedMorning!);
  await expect(morning).toBeVisible();
  // Measured again on each poll: the week's grid gives way to the day's after the click, and a card between the two has no box.
  const distance = async (from: Locator, time: string) => {
    const [box, slot] = [await from.boundingBox(), await grid(page).locator(`[data-hour="${time}"]`).boundingBox()];
    return box && slot ? Math.abs(box.x - slot.x) : Number.POSITIVE_INFINITY;
  };
  await expect.poll(() => distance(morning, "09:00")).toBeLessThan(8);
  const afternoon = card(laneRow(page, second.id), jobs.wedAfternoon!);
  await expect.poll(() => distance(afternoon, "13:00")).toBeLessThan(8);
  await expect(laneRow(page, first.id).getByRole("rowheader")).toContainText("2 h booked · $400 estimated");
  await expect(card(grid(page), jobs.thuUnassigned!)).toHaveCount(0);

  await page.getByRole("button", { name: "Next day" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${THU}`));
  await expect(card(grid(page).locator('[data-lane="unassigned"][data-minutes="none"]'), jobs.thuUnassigned!)).toBeVisible();

  await page.getByRole("button", { name: "Today" }).click();
  await expect(page).not.toHaveURL(/date=/);
  await expect(card(grid(page), jobs.thuUnassigned!)).toHaveCount(0);
});

test("dragging a job to another technician and time, or from the tray to a day, changes it in the CRM", async ({ page }) => {
  const [from, to] = [techs[2]!, techs[5]!];
  await page.goto(`/schedule?view=day&date=${MON}`);
  await waitForHydration(page);
  const job = card(laneRow(page, from.id), jobs.dragInDay!);
  await expect(job).toBeVisible();
  await dragTo(page, job, grid(page).locator(`[data-lane="${to.id}"][data-minutes="600"]`));

  await expect(card(laneRow(page, to.id), jobs.dragInDay!)).toContainText("10:00–11:00");
  await expect
    .poll(async () => {
      const saved = await crmScheduledJob(jobs.dragInDay!.uuid);
      return [saved.assigned_to_user_id, saved.scheduled_date?.slice(0, 10), saved.scheduled_time_start, saved.scheduled_time_end];
    })
    .toEqual([to.id, MON, "10:00", "11:00"]);
  await expect(page.getByRole("status").filter({ hasText: `Saved: ${label(jobs.dragInDay!)}` })).toBeAttached();

  // From the tray onto a day of the week: it gets the day, and keeps having no time.
  const tech = techs[6]!;
  // Tall enough for the one lane and the whole tray at once: other specs leave this technician undated jobs, and a
  // page scrolled down to a card low in the tray would have scrolled the drop target out of the window.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(`/schedule?view=week&date=${MON}&technician=${tech.id}`);
  await waitForHydration(page);
  const inTray = card(page.getByRole("complementary", { name: /To schedule/ }), jobs.fromTray!);
  await dragTo(page, inTray, weekCell(page, tech.id, TUE));
  await expect(card(weekCell(page, tech.id, TUE), jobs.fromTray!)).toBeVisible();
  await expect.poll(async () => (await crmScheduledJob(jobs.fromTray!.uuid)).scheduled_date?.slice(0, 10)).toBe(TUE);
  expect((await crmScheduledJob(jobs.fromTray!.uuid)).assigned_to_user_id).toBe(tech.id);
});

test("the Reschedule dialog changes technician, date and window by keyboard alone", async ({ page }) => {
  const [before, after] = [techs[0]!, techs[1]!];
  await page.goto(`/schedule?view=week&date=${SAT}`);
  await waitForHydration(page);
  const button = card(weekCell(page, before.id, SAT), jobs.byKeyboard!).getByRole("button", { name: `Reschedule ${label(jobs.byKeyboard!)}` });
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Reschedule ${label(jobs.byKeyboard!)}` });
  await expect(dialog).toBeVisible();

  // Radix puts focus on the first field; Tab moves on (through the date's and times' own picker buttons too).
  await expect(dialog.getByLabel("Technician")).toBeFocused();
  await page.keyboard.type(after.name);
  await expect(dialog.getByLabel("Technician")).toHaveValue(after.id);
  await tabTo(page, dialog.getByLabel("Date"));
  const [year, month, day] = SUN.split("-");
  await page.keyboard.type(`${month}${day}${year}`);
  await expect(dialog.getByLabel("Date")).toHaveValue(SUN);
  await tabTo(page, dialog.getByLabel("Start"));
  await page.keyboard.type("0300P");
  await expect(dialog.getByLabel("Start")).toHaveValue("15:00");
  // End before start is refused with the job form's own message, on End.
  await tabTo(page, dialog.getByLabel("End"));
  await page.keyboard.type("0200P");
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("End")).toHaveAccessibleDescription("End time must be after the start time");
  expect((await crmScheduledJob(jobs.byKeyboard!.uuid)).scheduled_time_start).toBe("10:00");

  // Back to Start, then forward into End, to type over it from its first part.
  await tabTo(page, dialog.getByLabel("Start"), "Shift+Tab");
  await tabTo(page, dialog.getByLabel("End"));
  await page.keyboard.type("0400P");
  await expect(dialog.getByLabel("End")).toHaveValue("16:00");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => {
      const saved = await crmScheduledJob(jobs.byKeyboard!.uuid);
      return [saved.assigned_to_user_id, saved.scheduled_date?.slice(0, 10), saved.scheduled_time_start, saved.scheduled_time_end];
    })
    .toEqual([after.id, SUN, "15:00", "16:00"]);
  await expect(card(weekCell(page, after.id, SUN), jobs.byKeyboard!)).toContainText("15:00–16:00");
});

test("a day already past is saved only after a confirmation", async ({ page }) => {
  await page.goto(`/schedule?view=week&date=${SAT}`);
  await waitForHydration(page);
  await card(weekCell(page, techs[0]!.id, SAT), jobs.pastDay!)
    .getByRole("button", { name: /^Reschedule/ })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Date").fill("2020-01-06");
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("Monday, January 6, 2020 has already passed.");
  expect((await crmScheduledJob(jobs.pastDay!.uuid)).scheduled_date?.slice(0, 10)).toBe(SAT);
  await dialog.getByRole("button", { name: "Save on that day" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await crmScheduledJob(jobs.pastDay!.uuid)).scheduled_date?.slice(0, 10)).toBe("2020-01-06");
});

test("a technician's overlapping jobs are both marked, and the dialog warns before a double booking but saves it", async ({ page }) => {
  const [a, b, c] = [jobs.overlapA!, jobs.overlapB!, jobs.overlapC!];
  await page.goto(`/schedule?view=week&date=${TUE}`);
  await waitForHydration(page);
  const cell = weekCell(page, techs[3]!.id, TUE);
  await expect(card(cell, a)).toContainText(`Overlaps ${b.job_number}`);
  await expect(card(cell, b)).toContainText(`Overlaps ${a.job_number}`);
  await expect(card(weekCell(page, techs[4]!.id, TUE), c)).not.toContainText("Overlaps");

  await card(weekCell(page, techs[4]!.id, TUE), c)
    .getByRole("button", { name: `Reschedule ${label(c)}` })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Technician").selectOption(techs[3]!.id);
  await dialog.getByLabel("Start").fill("10:30");
  await dialog.getByLabel("End").fill("11:30");
  await expect(dialog).toContainText(`Double booking: Overlaps ${a.job_number}, ${b.job_number} for ${techs[3]!.name} that day.`);
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await crmScheduledJob(c.uuid)).assigned_to_user_id).toBe(techs[3]!.id);
  await expect(card(cell, c)).toContainText(`Overlaps ${a.job_number}, ${b.job_number}`);
  await expect(card(cell, a)).toContainText(`Overlaps ${b.job_number}, ${c.job_number}`);
});

test("a job changed in the CRM since the schedule was read is not moved: the card shows the CRM's version, and says so", async ({ page, sandbox }) => {
  const job = jobs.stale!;
  const [owner, other] = [techs[7]!, techs[1]!];
  await page.goto(`/schedule?view=day&date=${THU}`);
  await waitForHydration(page);
  const stale = card(laneRow(page, owner.id), job);
  await expect(stale).toContainText("09:00–10:00");

  // The CRM's own app moves it meanwhile.
  await sandbox.put(`/jobs/${job.uuid}`, { scheduled_time_start: "10:30", scheduled_time_end: "11:30" });

  await dragTo(page, stale, grid(page).locator(`[data-lane="${other.id}"][data-minutes="600"]`));
  await expect(page.getByText(`${label(job)} was changed by someone else, so it was not moved.`)).toBeVisible();
  await expect(page.getByText(/It now shows their version: .*10:30–11:30/)).toBeVisible();
  await expect(card(laneRow(page, owner.id), job)).toContainText("10:30–11:30");
  await expect(card(laneRow(page, other.id), job)).toHaveCount(0);
  const crm = await crmScheduledJob(job.uuid);
  expect([crm.assigned_to_user_id, crm.scheduled_time_start]).toEqual([owner.id, "10:30"]);
});

test("a busy day in the week shows its first jobs and a +N more button that shows the rest, by keyboard", async ({ page }) => {
  await page.goto(`/schedule?view=week&date=${SUN}`);
  await waitForHydration(page);
  const cell = weekCell(page, techs[5]!.id, SUN);
  const busy = [8, 9, 10, 11, 12, 13].map((hour) => jobs[`busy${hour}`]!);
  // In start order: the first three, then the button for the other three; the totals count all six.
  for (const job of busy.slice(0, 3)) await expect(card(cell, job)).toBeVisible();
  for (const job of busy.slice(3)) await expect(card(cell, job)).toHaveCount(0);
  await expect(cell).toContainText("6 h booked");
  const more = cell.getByRole("button", { name: `+3 more: show all 6 jobs of ${techs[5]!.name} on ${formatWeekday(SUN)}` });
  await expect(more).toHaveText("+3 more");
  await more.focus();
  await page.keyboard.press("Enter");
  for (const job of busy) await expect(card(cell, job)).toBeVisible();
  await expect(more).toHaveCount(0);
  // The keyboard carries on from the first job it revealed.
  await expect(card(cell, busy[3]!).getByRole("link")).toBeFocused();
});

test("axe finds nothing to fix on the week, the day and the dialog", async ({ page }) => {
  await page.goto(`/schedule?view=week&date=${TUE}`);
  await waitForHydration(page);
  await expect(card(grid(page), jobs.overlapA!)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto(`/schedule?view=day&date=${WED}`);
  await expect(card(grid(page), jobs.wedMorning!)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await card(grid(page), jobs.wedMorning!)
    .getByRole("button", { name: /^Reschedule/ })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the schedule is read-only: no drag handles, no Reschedule, no Sync now", async ({ page }) => {
    await page.goto(`/schedule?view=week&date=${WED}`);
    await waitForHydration(page);
    await expect(card(weekCell(page, techs[0]!.id, WED), jobs.wedMorning!)).toBeVisible();
    await expect(page.getByText("Your role can look but not reschedule jobs.")).toBeVisible();
    await expect(page.getByTestId("drag-handle")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Reschedule/ })).toHaveCount(0);
    await expect(page.getByTestId("mirror-freshness")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);

    // A drag goes nowhere: the card is not draggable.
    const wed = card(weekCell(page, techs[0]!.id, WED), jobs.wedMorning!);
    const box = (await wed.boundingBox())!;
    const target = (await weekCell(page, techs[1]!.id, THU).boundingBox())!;
    await page.mouse.move(box.x + 14, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(target.x + 20, target.y + 20, { steps: 10 });
    await page.mouse.up();
    await expect(card(weekCell(page, techs[0]!.id, WED), jobs.wedMorning!)).toBeVisible();
    expect((await crmScheduledJob(jobs.wedMorning!.uuid)).assigned_to_user_id).toBe(techs[0]!.id);
  });
});

test("a schedule address it cannot show says what is wrong", async ({ page }) => {
  await page.goto("/schedule?view=month");
  await expect(page.getByRole("main").getByRole("alert")).toContainText('View "month" is not offered. Choose one of: day, week.');
  await expect(page.getByRole("link", { name: "Show this week" })).toBeVisible();
});
