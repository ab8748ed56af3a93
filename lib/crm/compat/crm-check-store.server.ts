import "server-only";
import type { CrmCheckReport, StoredCrmCheck } from "@/lib/crm/compat/crm-check-types";
import { countCrmRequest, flushUsage } from "@/lib/crm/usage-meter.server";
import { appDatabase } from "@/lib/db/app-database.server";

/**
 * The last CRM self-check, kept in the app database (one app_settings row,
 * JSON) for the CRM compatibility page: whichever ran last, the page's
 * read-only run or `npm run crm:check` against the configured CRM.
 */
const SETTING = "crm_check_last";

/** The CRM's base URL as it may be shown: no user or password in it, no query (a key can hide in either). */
export function shownBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/**
 * Keeps the report as the last check, and counts the requests it spent on the
 * month's usage meter (they came out of the same plan as the dashboard's).
 */
export async function recordCrmCheck(report: CrmCheckReport, by: { baseUrl: string; ranBy: string }): Promise<StoredCrmCheck> {
  const stored: StoredCrmCheck = { ...report, baseUrl: shownBaseUrl(by.baseUrl), ranBy: by.ranBy };
  const { db } = await appDatabase();
  const value = JSON.stringify(stored);
  await db
    .insertInto("app_settings")
    .values({ key: SETTING, value })
    .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
    .execute();
  countCrmRequest(new Date(report.finishedAt), report.requestsSpent);
  // `npm run crm:check` ends right after: its requests are written now.
  await flushUsage();
  return stored;
}

/** The last check, or null when none ran (or its row cannot be read: the page then offers a run, nothing is lost). */
export async function lastCrmCheck(): Promise<StoredCrmCheck | null> {
  const { db } = await appDatabase();
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as StoredCrmCheck;
    return Array.isArray(value.results) && typeof value.baseUrl === "string" ? value : null;
  } catch {
    return null;
  }
}
