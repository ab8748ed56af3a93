import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import { crmConfig, serverEnv } from "@/lib/env.server";
import { startSyncRunner } from "@/lib/mirror/sync-runner.server";

/**
 * Starts the sync runner at server start (instrumentation.ts), unless
 * MIRROR_SYNC=off or no CRM is configured. Never throws: a dashboard whose
 * mirror cannot sync still serves everything the CRM answers directly.
 */
export function startMirrorSync(): void {
  try {
    if (serverEnv().MIRROR_SYNC === "off") return;
    crmConfig();
    startSyncRunner();
    logEvent("info", "mirror_sync_started");
  } catch (error) {
    logEvent("error", "mirror_sync_not_started", { message: error instanceof Error ? error.message : String(error) });
  }
}
