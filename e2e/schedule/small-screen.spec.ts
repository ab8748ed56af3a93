import AxeBuilder from "@axe-core/playwright";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { waitForHydration } from "../support/hydration";
import { card, createJob, randomWeek, scheduleCustomer, syncMirror, technicians, type ScheduledJob, type Technician } from "./schedule-helpers";

/**
 * A phone, 390 px wide: the main navigation folds behind a Menu button (an
 * accessible disclosure), and the schedule is the day as a list per
 * technician, with nothing wider than the screen.
 */
test.use({ storageState: storageStatePath("staff"), viewport: { width: 390, height: 844 } });

const day = randomWeek()[2]!;
let techs: Technician[];
const jobs: ScheduledJob[] = [];

test.beforeAll(async ({ staffApi }) => {
  test.setTimeout(120_000);
  const customer = await scheduleCustomer();
  techs = await technicians();
  jobs.push(
    await createJob(customer, { scheduled_date: day, scheduled_time_start: "13:00", scheduled_time_end: "14:00", assigned_to_user_id: techs[0]!.id }),
    await createJob(customer, { scheduled_date: day, scheduled_time_start: "08:00", scheduled_time_end: "09:30", assigned_to_user_id: techs[0]!.id }),
    await createJob(customer, { scheduled_date: day, assigned_to_user_id: techs[1]!.id }),
  );
  await syncMirror(staffApi);
});

test("the navigation folds behind a Menu button that opens, closes with Escape and gives focus back", async ({ page }) => {
  await page.goto("/schedule");
  await waitForHydration(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Customers" })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await nav.getByRole("link", { name: "Customers" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Customers" })).toBeHidden();

  // Following a link folds it again on the new page.
  await menu.click();
  await nav.getByRole("link", { name: "Job board" }).click();
  await expect(page).toHaveURL(/\/jobs\/board/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("the schedule is the day as a list per technician, in the order the jobs are worked, no wider than the screen", async ({ page }) => {
  await page.goto(`/schedule?view=week&date=${day}`);
  await waitForHydration(page);
  await expect(page.getByTestId("schedule-grid")).toBeHidden();
  const list = page.getByTestId("schedule-day-list");
  const first = list.getByRole("region", { name: techs[0]!.name });
  await expect(first.getByRole("listitem")).toHaveCount(2);
  // Earliest first, each with its window.
  await expect(first.getByRole("listitem").nth(0)).toContainText("08:00–09:30");
  await expect(first.getByRole("listitem").nth(0)).toContainText(jobs[1]!.title);
  await expect(first.getByRole("listitem").nth(1)).toContainText(jobs[0]!.title);
  await expect(first).toContainText("2.5 h booked");
  await expect(list.getByRole("region", { name: techs[1]!.name })).toContainText("No set time");
  await expect(list.getByRole("region", { name: "Unassigned" })).toContainText("Nothing booked.");
  await expect(list.getByRole("button", { name: new RegExp(`^Reschedule ${jobs[0]!.job_number}`) })).toBeVisible();
  // The grid's cards are not shown (nor in the accessibility tree).
  await expect(card(page.getByTestId("schedule-grid"), jobs[0]!)).toBeHidden();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
