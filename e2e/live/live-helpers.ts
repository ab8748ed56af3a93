import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { newIdempotencyKey } from "../support/dashboard-api";
import type { Role } from "../../lib/auth/roles";

/** Helpers for the live-update specs: a person's browser, a page whose live stream is caught up, and a save through the dashboard. */

export async function personBrowser(browser: Browser, role: Role): Promise<BrowserContext> {
  return browser.newContext({ storageState: storageStatePath(role), viewport: { width: 1600, height: 1200 } });
}

/** Waits until the tab's live stream is open and caught up (components/live/live-updates.tsx sets the marker). */
export async function waitForLive(page: Page): Promise<void> {
  await page.locator('body[data-live="ready"]').waitFor({ state: "attached" });
}

export async function openLive(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await waitForLive(page);
  return page;
}

/** A partial update of a job through the dashboard's API, from the version the CRM has now. */
export async function saveJob(api: APIRequestContext, uuid: string, change: Record<string, unknown>): Promise<Record<string, unknown>> {
  const current = (await (await api.get(`/api/jobs/${uuid}`)).json()).data as { updated_at: string };
  const response = await api.put(`/api/jobs/${uuid}`, {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { ...change, expected_updated_at: current.updated_at },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).data as Record<string, unknown>;
}
