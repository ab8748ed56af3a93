import type { SyncStatus } from "@/lib/mirror/mirror-types";

/** Words for the sync page: durations, and what changes made elsewhere can be missed, for how long. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0 || !Number.isFinite(ms)) return "not this month";
  if (ms < 60_000) return "under a minute";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 36) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(ms / 86_400_000);
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** The plain paragraph: what the mirror can miss, and until when, with the current budget. */
export function whatCanBeMissed(
  status: Pick<SyncStatus, "plan" | "paused" | "halted" | "nextFullPassAt" | "lastPassCompletedAt">,
  formatDate: (iso: string) => string,
): string {
  if (status.paused || status.halted) {
    return "Sync is stopped: changes made outside Tradesdesk (in the CRM itself or another integration) are not seen until it runs again. Changes made through Tradesdesk, and records people open here, still update the mirror.";
  }
  const { plan } = status;
  if (plan.changesEveryMs < 0) {
    return "This month's sync budget is spent: changes made outside Tradesdesk are not looked for until the month turns (or the share is raised). Changes made through Tradesdesk, and records people open here, still update the mirror.";
  }
  const next = status.nextFullPassAt ? `the next full pass (${formatDate(status.nextFullPassAt)})` : "the next full pass";
  return (
    `Customers and jobs created outside Tradesdesk appear within about ${formatDuration(plan.changesEveryMs)}; ` +
    `changes to open jobs (any status but Complete) within about ${formatDuration(plan.openJobsEveryMs)}. ` +
    `Edits and deletions made outside Tradesdesk to older customers and to completed jobs can be missed until ${next}: ` +
    `with the current budget a full pass runs every ${formatDuration(plan.fullPassEveryMs)}, at night. ` +
    "Changes made through Tradesdesk, and records people open here, update the mirror at once."
  );
}
