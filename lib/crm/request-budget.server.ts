import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@/lib/auth/roles";
import { CrmError } from "@/lib/crm/errors.server";
import { crmConfig } from "@/lib/env.server";

/**
 * A per-person budget of upstream CRM requests per minute, so that one
 * stolen session (or one runaway script) cannot spend the company's monthly
 * plan. Only requests that really reach the CRM are charged: cache hits and
 * reads joined to one already in flight cost nothing. The person is known
 * from the request being served (runAsRequester, set by defineRoute and the
 * pages that read the CRM); work with no person behind it is not charged.
 *
 * Counted in this process: with several instances behind a load balancer each
 * keeps its own count, so a person's real ceiling is the budget times the
 * number of instances (see docs/decisions/013-error-answers-and-request-budget.md).
 */
export const BUDGET_WINDOW_MS = 60_000;

export interface Requester {
  id: string;
  role: Role;
}

/**
 * Thrown before a CRM request the person's budget does not allow; routes answer
 * 429 rate_limited. A CrmError (kind rate_limited), so code that already copes
 * with a CRM refusal (pages that fall back to the browser's own request) copes with it too.
 */
export class RequestBudgetExceeded extends CrmError {
  constructor(
    readonly limit: number,
    /** Whole seconds until the oldest request in the window leaves it. */
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", `CRM request budget of ${limit} per minute used up; ${retryAfterSeconds} s to wait`, null);
  }
}

/**
 * A sliding-window log: the times of each key's requests in the last window.
 * Exact ("at most N in any 60 seconds") and small: at most N numbers per person.
 */
export class SlidingWindowBudget {
  private readonly log = new Map<string, number[]>();

  constructor(private readonly windowMs = BUDGET_WINDOW_MS) {}

  /** Records one request for key, or says how long until one is allowed. `force` records it regardless (a retry already under way). */
  take(key: string, limit: number, now = Date.now(), force = false): { ok: true } | { ok: false; retryAfterMs: number } {
    const since = now - this.windowMs;
    const times = (this.log.get(key) ?? []).filter((time) => time > since);
    if (times.length >= limit && !force) {
      this.log.set(key, times);
      // The window frees a slot when the request `limit` places back leaves it.
      const oldestCounted = times[times.length - limit] ?? now;
      return { ok: false, retryAfterMs: Math.max(1, oldestCounted + this.windowMs - now) };
    }
    times.push(now);
    this.log.set(key, times);
    if (this.log.size > 10_000) this.sweep(since);
    return { ok: true };
  }

  /** Forgets people with nothing left in the window, so the map does not grow with every session ever seen. */
  private sweep(since: number) {
    for (const [key, times] of this.log) {
      if (!times.some((time) => time > since)) this.log.delete(key);
    }
  }

  clear() {
    this.log.clear();
  }
}

const requesterStore = new AsyncLocalStorage<Requester>();
const holder = globalThis as typeof globalThis & { __tradesdeskRequestBudget?: SlidingWindowBudget };

function budget(): SlidingWindowBudget {
  holder.__tradesdeskRequestBudget ??= new SlidingWindowBudget();
  return holder.__tradesdeskRequestBudget;
}

/** Runs fn with every CRM request it causes charged to requester. */
export function runAsRequester<T>(requester: Requester, fn: () => T): T {
  return requesterStore.run(requester, fn);
}

export function requestsPerMinuteFor(role: Role): number {
  const { requestsPerMinute } = crmConfig();
  return role === "admin" ? requestsPerMinute.admin : requestsPerMinute.user;
}

/**
 * Called before each upstream attempt. A new request over the budget throws
 * RequestBudgetExceeded before anything is sent; a retry of a request already
 * under way is counted (the CRM counts it) but never refused, so a request is
 * not cut off halfway through the server's own retries.
 */
export function chargeCrmRequest(options: { retry?: boolean; now?: number } = {}): void {
  const requester = requesterStore.getStore();
  if (!requester) return;
  const limit = requestsPerMinuteFor(requester.role);
  const outcome = budget().take(requester.id, limit, options.now ?? Date.now(), options.retry === true);
  if (!outcome.ok) throw new RequestBudgetExceeded(limit, Math.ceil(outcome.retryAfterMs / 1000));
}

/** For tests: forget every count. */
export function clearRequestBudgets() {
  holder.__tradesdeskRequestBudget?.clear();
}
