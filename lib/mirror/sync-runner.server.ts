import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import { CrmError } from "@/lib/crm/errors.server";
import { usageMonth } from "@/lib/crm/usage-meter.server";
import { crmConfig } from "@/lib/env.server";
import { newPass, runFullPass, type PassOutcome } from "@/lib/mirror/full-pass.server";
import { mirrorCounts } from "@/lib/mirror/mirror-counts.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { nextFullPassAt, planSync } from "@/lib/mirror/sync-budget";
import { pollHeads, refreshOpenJobs } from "@/lib/mirror/sync-changes.server";
import { withSyncLock } from "@/lib/mirror/sync-lock.server";
import { loadSyncRow, recordProblem, syncSpend, updateSyncRow, type SyncRow } from "@/lib/mirror/sync-state.server";

/**
 * Decides what sync does next and does it: the full pass (first, resumed,
 * nightly, or asked for), else the heads and the open jobs when their
 * interval from the budget has passed. Clock, timers and sleep are
 * injectable so tests drive it step by step; in the server, start() keeps
 * one timer armed for the next thing due.
 */
export interface SyncRunnerOptions {
  scope?: string;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  concurrency?: number;
  /** Delay of the first run after start(), so the server finishes starting first. */
  firstRunDelayMs?: number;
}

export type RunResult =
  | { state: "busy" }
  | { state: "paused" }
  | { state: "halted"; reason: string }
  | { state: "idle" }
  | { state: "ran"; did: Array<"full_pass" | "heads" | "open_jobs">; pass?: PassOutcome };

export const MIN_TICK_MS = 5_000;
export const MAX_TICK_MS = 15 * 60_000;
export const PAUSED_TICK_MS = 60_000;

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

export class SyncRunner {
  readonly scope: string;
  private readonly now: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly concurrency: number;
  private readonly firstRunDelayMs: number;
  private timer: unknown = null;
  private controller: AbortController | null = null;
  private current: Promise<RunResult> | null = null;
  private stopped = true;

  constructor(options: SyncRunnerOptions = {}) {
    this.scope = options.scope ?? currentMirrorScope();
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? abortableSleep;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.concurrency = options.concurrency ?? 2;
    this.firstRunDelayMs = options.firstRunDelayMs ?? 10_000;
  }

  /** Whether this process is working on sync right now. */
  get running(): boolean {
    return this.current !== null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.arm(this.firstRunDelayMs);
  }

  /** Stops the timer and aborts work in progress (a pass keeps its place for the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    await this.interrupt();
  }

  /** Aborts the work in progress, if any (after the pages in flight are saved); the timer stays as it is. */
  async interrupt(): Promise<void> {
    this.controller?.abort(new Error("sync interrupted"));
    await this.settled();
  }

  /** Resolves when the work in progress, if any, has ended. */
  async settled(): Promise<void> {
    await this.current?.catch(() => undefined);
  }

  /** Runs what is due now, or nothing when another run holds the lock. */
  runOnce(options: { force?: boolean } = {}): Promise<RunResult> {
    if (this.current) return Promise.resolve({ state: "busy" });
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.current = withSyncLock(this.scope, () => this.work(signal, options.force === true))
      .then((outcome) => (outcome.acquired ? outcome.value : ({ state: "busy" } as const)))
      .finally(() => {
        this.current = null;
        this.controller = null;
      });
    return this.current;
  }

  /** Starts a run now (a full pass, unless one is under way), without waiting for it. */
  kick(): void {
    if (this.stopped) {
      // No automatic sync in this process (MIRROR_SYNC=off): run once, since someone asked.
      void this.runOnce().catch((error: unknown) =>
        logEvent("error", "mirror_sync_failed", { message: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    if (this.timer !== null) this.clearTimer(this.timer);
    this.arm(0);
  }

  private arm(ms: number) {
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick() {
    let wait = MAX_TICK_MS;
    try {
      const result = await this.runOnce();
      wait = await this.nextWait(result);
    } catch (error) {
      logEvent("error", "mirror_sync_failed", { message: error instanceof Error ? error.message : String(error) });
      wait = PAUSED_TICK_MS;
    }
    if (!this.stopped && this.timer === null) this.arm(wait);
  }

  private async nextWait(result: RunResult): Promise<number> {
    if (result.state === "paused" || result.state === "halted" || result.state === "busy") return PAUSED_TICK_MS;
    const row = await loadSyncRow(this.scope);
    if (row.pass) return MIN_TICK_MS; // a pass that stopped early (aborted between pages): carry on soon
    const due = await nextDue(row, this.now());
    const soonest = Math.min(
      ...[due.fullPass, due.changes, due.openJobs].filter((at): at is Date => at !== null).map((at) => at.getTime() - this.now().getTime()),
    );
    return Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, Number.isFinite(soonest) ? soonest : MAX_TICK_MS));
  }

  private async work(signal: AbortSignal, force: boolean): Promise<RunResult> {
    const scope = this.scope;
    const now = this.now;
    let row = await loadSyncRow(scope);
    if (row.haltedReason && row.haltedAt && usageMonth(row.haltedAt) !== usageMonth(now())) {
      // The month turned: the CRM's count started again.
      await updateSyncRow(scope, { haltedReason: null, haltedAt: null });
      row = await loadSyncRow(scope);
    }
    // Paused is an administrator's decision: not even Sync now overrides it.
    if (row.paused) return { state: "paused" };
    if (!force && row.haltedReason) return { state: "halted", reason: row.haltedReason };
    if (force) {
      await updateSyncRow(scope, { haltedReason: null, haltedAt: null });
      if (!row.pass) await updateSyncRow(scope, { pass: newPass(now(), "manual"), lastPassStartedAt: now() });
      row = await loadSyncRow(scope);
    }

    const did: Array<"full_pass" | "heads" | "open_jobs"> = [];
    const due = await nextDue(row, now());
    try {
      if (row.pass || (due.fullPass && due.fullPass <= now())) {
        did.push("full_pass");
        const pass = await runFullPass(
          { scope, now, sleep: this.sleep, signal, concurrency: this.concurrency },
          row.lastPassCompletedAt ? "scheduled" : "initial",
        );
        if (pass.state === "halted") await this.halt(pass.reason, pass.message);
        if (pass.state === "complete") {
          // A full pass is also the freshest look at the heads; pick up what was created while it ran.
          await pollHeads(scope, "customers", now);
          await pollHeads(scope, "jobs", now);
          await updateSyncRow(scope, { lastChangesAt: now(), lastOpenJobsAt: now(), lastRunAt: now() });
        } else {
          await updateSyncRow(scope, { lastRunAt: now() });
        }
        return { state: "ran", did, pass };
      }
      if (due.changes && due.changes <= now()) {
        did.push("heads");
        await pollHeads(scope, "customers", now);
        await pollHeads(scope, "jobs", now);
        await updateSyncRow(scope, { lastChangesAt: now() });
      }
      if (due.openJobs && due.openJobs <= now()) {
        did.push("open_jobs");
        await refreshOpenJobs(scope, now);
        await updateSyncRow(scope, { lastOpenJobsAt: now() });
      }
    } catch (error) {
      if (error instanceof CrmError && error.kind === "usage_limit") {
        await this.halt("usage_limit", "The CRM's monthly request limit is reached: sync stopped until it resets or someone resumes it.");
        return { state: "halted", reason: "usage_limit" };
      }
      const message = error instanceof Error ? error.message : String(error);
      await updateSyncRow(scope, { lastError: message, lastRunAt: now() });
      await recordProblem(scope, { kind: "crm_error", resource: null, uuid: null, message: `Sync could not finish: ${message}` });
      throw error;
    }
    if (did.length === 0) return { state: "idle" };
    await updateSyncRow(scope, { lastRunAt: now(), lastError: null });
    return { state: "ran", did };
  }

  private async halt(reason: "usage_limit" | "crm_error", message: string) {
    await updateSyncRow(this.scope, { haltedReason: reason, haltedAt: this.now(), lastError: message });
    await recordProblem(this.scope, { kind: reason === "usage_limit" ? "usage_limit" : "crm_error", resource: null, uuid: null, message });
  }
}

/** When each kind of work is next due, from the budget plan and the last runs. */
export async function nextDue(row: SyncRow, now: Date): Promise<{ fullPass: Date | null; changes: Date | null; openJobs: Date | null }> {
  const plan = await currentPlan(row, now);
  const after = (last: Date | null, every: number) => (last === null ? now : Number.isFinite(every) ? new Date(last.getTime() + every) : null);
  return {
    fullPass: row.pass ? now : nextFullPassAt(row.lastPassCompletedAt, plan.fullPassEveryMs, now),
    changes: row.lastPassCompletedAt ? after(row.lastChangesAt, plan.changesEveryMs) : null,
    openJobs: row.lastPassCompletedAt ? after(row.lastOpenJobsAt, plan.openJobsEveryMs) : null,
  };
}

export async function currentPlan(row: SyncRow, now: Date) {
  const counts = await mirrorCounts(row.scope);
  return planSync({
    budgetShare: row.budgetShare,
    monthlyLimit: crmConfig().monthlyLimit,
    counts: {
      customers: counts.customers + counts.deletedCustomers,
      jobs: counts.jobs + counts.deletedJobs,
      locations: counts.locations,
      openJobs: counts.openJobs,
    },
    spentThisMonth: await syncSpend(row.scope, now),
    now,
  });
}

// ── The server's runner ──────────────────────────────────────────────────────

const holder = globalThis as typeof globalThis & { __tradesdeskSyncRunner?: SyncRunner };

/** The process's runner (created on first use; started by instrumentation.ts). */
export function syncRunner(): SyncRunner {
  holder.__tradesdeskSyncRunner ??= new SyncRunner();
  return holder.__tradesdeskSyncRunner;
}

export function startSyncRunner(): void {
  syncRunner().start();
}
