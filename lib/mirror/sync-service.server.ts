import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { recordAudit } from "@/lib/audit/record-audit.server";
import type { AuditChanges } from "@/lib/db/tables";
import { usageMonth, usageReport } from "@/lib/crm/usage-meter.server";
import { crmConfig } from "@/lib/env.server";
import { newPass } from "@/lib/mirror/full-pass.server";
import { mirrorCounts } from "@/lib/mirror/mirror-counts.server";
import type { SyncStatus } from "@/lib/mirror/mirror-types";
import { currentPlan, nextDue, syncRunner } from "@/lib/mirror/sync-runner.server";
import { listProblems, loadSyncRow, syncSpend, updateSyncRow } from "@/lib/mirror/sync-state.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";

/** What the sync page and its routes ask of the sync: its status, its settings, "Sync now". */

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const finite = (value: number) => (Number.isFinite(value) ? value : null);

export async function getSyncStatus(now = new Date()): Promise<SyncStatus> {
  const scope = currentMirrorScope();
  const row = await loadSyncRow(scope);
  const [counts, plan, spent, usage, problems, due] = await Promise.all([
    mirrorCounts(scope),
    currentPlan(row, now),
    syncSpend(scope, now),
    usageReport(now),
    listProblems(scope),
    nextDue(row, now),
  ]);
  let pass: SyncStatus["pass"] = null;
  if (row.pass) {
    const resources = row.pass.resources.map((entry) => ({
      resource: entry.resource,
      total: entry.total,
      totalPages: entry.totalPages,
      pagesDone: entry.donePages.length,
    }));
    const pagesDone = resources.reduce((sum, entry) => sum + entry.pagesDone, 0);
    // Resources not reached yet are estimated from the mirror's counts (or 1 page).
    const pagesTotal = resources.reduce((sum, entry) => {
      if (entry.totalPages !== null) return sum + entry.totalPages;
      const known =
        entry.resource === "customers"
          ? counts.customers + counts.deletedCustomers
          : entry.resource === "jobs"
            ? counts.jobs + counts.deletedJobs
            : counts.locations;
      return sum + Math.max(1, Math.ceil(known / 100));
    }, 0);
    const perPage = pagesDone > 0 ? row.pass.workedMs / pagesDone : null;
    pass = {
      startedAt: row.pass.startedAt,
      resources,
      pagesDone,
      pagesTotal,
      estimatedMsLeft: perPage === null ? null : Math.round(perPage * Math.max(0, pagesTotal - pagesDone)),
    };
  }
  const runner = syncRunner();
  const upcoming = [due.fullPass, due.changes, due.openJobs].filter((at): at is Date => at !== null).sort((a, b) => a.getTime() - b.getTime());
  return {
    counts: {
      customers: counts.customers,
      jobs: counts.jobs,
      locations: counts.locations,
      deletedCustomers: counts.deletedCustomers,
      deletedJobs: counts.deletedJobs,
    },
    month: usageMonth(now),
    spentThisMonth: spent,
    dashboardUsedThisMonth: usage.used,
    monthlyLimit: crmConfig().monthlyLimit,
    plan: {
      ...plan,
      fullPassEveryMs: finite(plan.fullPassEveryMs) ?? -1,
      changesEveryMs: finite(plan.changesEveryMs) ?? -1,
      openJobsEveryMs: finite(plan.openJobsEveryMs) ?? -1,
    },
    paused: row.paused,
    halted: row.haltedReason && row.haltedAt ? { reason: row.haltedReason, at: row.haltedAt.toISOString() } : null,
    running: runner.running,
    pass,
    lastPassStartedAt: iso(row.lastPassStartedAt),
    lastPassCompletedAt: iso(row.lastPassCompletedAt),
    lastChangesAt: iso(row.lastChangesAt),
    lastOpenJobsAt: iso(row.lastOpenJobsAt),
    lastRunAt: iso(row.lastRunAt),
    nextRunAt: row.paused || row.haltedReason ? null : iso(upcoming[0] ?? null),
    nextFullPassAt: iso(due.fullPass),
    problems,
  };
}

/**
 * The budget share and pause/resume, as an admin sets them; what changed goes
 * to the audit log (it decides what the plan is spent on, and whether the
 * dashboard sees changes made elsewhere).
 */
export async function updateSyncSettings(
  change: { budget_share?: number | undefined; paused?: boolean | undefined },
  by: { actor: { id: string; email: string }; requestId: string },
): Promise<SyncStatus> {
  const scope = currentMirrorScope();
  const before = await loadSyncRow(scope);
  await updateSyncRow(scope, {
    ...(change.budget_share !== undefined ? { budgetShare: change.budget_share } : {}),
    ...(change.paused !== undefined ? { paused: change.paused } : {}),
    // Resume also lifts a stop at the monthly limit: the admin knows the quota was raised or reset.
    ...(change.paused === false ? { haltedReason: null, haltedAt: null } : {}),
  });
  const changes: AuditChanges = {};
  if (change.budget_share !== undefined && change.budget_share !== before.budgetShare)
    changes.sync_budget_percent = { from: Math.round(before.budgetShare * 100), to: Math.round(change.budget_share * 100) };
  if (change.paused !== undefined && change.paused !== before.paused) changes.sync_paused = { from: before.paused, to: change.paused };
  if (Object.keys(changes).length > 0) {
    await recordAudit({ ...by, action: "setting_change", resource: "setting", resourceId: "data_sync", changes, outcome: "accepted" });
  }
  // Pausing stops the work under way (a pass keeps its place); resuming starts what is due.
  if (change.paused === true) await syncRunner().interrupt();
  else if (change.paused === false) syncRunner().kick();
  return getSyncStatus();
}

/** Starts a full pass (or lets the one under way go on) and answers at once with the status. */
export async function requestSyncNow(now = new Date()): Promise<SyncStatus> {
  const scope = currentMirrorScope();
  const row = await loadSyncRow(scope);
  if (row.paused) throw new ApiError(409, "conflict", "Sync is paused. An administrator can resume it on the Data sync page.");
  if (!row.pass) await updateSyncRow(scope, { pass: newPass(now, "manual"), lastPassStartedAt: now });
  await updateSyncRow(scope, { haltedReason: null, haltedAt: null });
  syncRunner().kick();
  return getSyncStatus(now);
}
