import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { READ_REQUESTS, runCrmCheck } from "@/lib/crm/compat/crm-check.server";
import { lastCrmCheck, recordCrmCheck } from "@/lib/crm/compat/crm-check-store.server";
import type { CrmCheckState, StoredCrmCheck } from "@/lib/crm/compat/crm-check-types";
import { crmConfig } from "@/lib/env.server";

/**
 * The CRM compatibility page's "Run the check now": the read-only part of the
 * self-check against the CRM this dashboard is configured with, one run at a
 * time per server (a second press while one runs is a 409, not a second set
 * of requests). Kept on globalThis so every route bundle shares the flag.
 */
const holder = globalThis as typeof globalThis & { __tradesdeskCrmCheckRunning?: boolean };

export async function crmCheckState(): Promise<CrmCheckState> {
  return { last: await lastCrmCheck(), readRequests: READ_REQUESTS, running: holder.__tradesdeskCrmCheckRunning === true };
}

export async function runReadOnlyCrmCheck(by: { email: string }): Promise<StoredCrmCheck> {
  if (holder.__tradesdeskCrmCheckRunning) throw new ApiError(409, "conflict", "A CRM check is already running. Its result shows here when it ends.");
  holder.__tradesdeskCrmCheckRunning = true;
  try {
    const config = crmConfig();
    const report = await runCrmCheck({ baseUrl: config.baseUrl, apiKey: config.apiKey, write: false, timeoutMs: config.timeoutMs });
    return await recordCrmCheck(report, { baseUrl: config.baseUrl, ranBy: by.email });
  } finally {
    holder.__tradesdeskCrmCheckRunning = false;
  }
}
