import { JOB_PRIORITIES, JOB_STATUSES, type JobPriority, type JobStatus } from "@/lib/jobs/job-enums";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";
import {
  CUSTOMER_FILTER_KEYS,
  CUSTOMER_SORT_KEYS,
  JOB_FILTER_KEYS,
  JOB_SORT_KEYS,
  type CustomerQuery,
  type JobQuery,
  type SortDirection,
} from "@/lib/mirror/mirror-types";

/**
 * The checks every mirror query makes of what it is asked, at run time (a
 * route may pass anything a URL holds): sort keys and filters from fixed
 * lists, values of the right kind, days as YYYY-MM-DD, from not after to.
 */
export const MAX_LIMIT = 200;

export function pick<T extends string>(field: string, value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new MirrorQueryError({ field, message: `${what} "${String(value)}" is not offered.`, allowed });
}

export function direction(value: unknown): SortDirection {
  return value === undefined ? "asc" : pick("direction", value, ["asc", "desc"] as const, "Sort direction");
}

export function paging(page: unknown, limit: unknown, defaultLimit = 50): { page: number; limit: number; offset: number } {
  const p = page === undefined ? 1 : Number(page);
  const l = limit === undefined ? defaultLimit : Number(limit);
  if (!Number.isInteger(p) || p < 1) throw new MirrorQueryError({ field: "page", message: "Page must be a whole number from 1." });
  if (!Number.isInteger(l) || l < 1 || l > MAX_LIMIT)
    throw new MirrorQueryError({ field: "limit", message: `Limit must be a whole number from 1 to ${MAX_LIMIT}.` });
  return { page: p, limit: l, offset: (p - 1) * l };
}

function checkFilterKeys(filters: Record<string, unknown>, allowed: readonly string[]) {
  for (const key of Object.keys(filters)) {
    if (!allowed.includes(key)) throw new MirrorQueryError({ field: key, message: `Filter "${key}" is not offered.`, allowed });
  }
}

function text(field: string, value: unknown, max = 200): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new MirrorQueryError({ field, message: `${field} must be text.` });
  const trimmed = value.trim();
  if (trimmed.length > max) throw new MirrorQueryError({ field, message: `${field} can be at most ${max} characters.` });
  return trimmed === "" ? undefined : trimmed;
}

function flag(field: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new MirrorQueryError({ field, message: `${field} must be true or false.`, allowed: ["true", "false"] });
}

export function day(field: string, value: unknown): string | undefined {
  const given = text(field, value, 10);
  if (given === undefined) return undefined;
  const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  // Date.parse is NaN for a month or day out of range ("2026-13-01"); toISOString of that would throw.
  const time = Date.parse(`${given}T00:00:00Z`);
  const valid = parsed && !Number.isNaN(time) && new Date(time).toISOString().startsWith(given);
  if (!valid) throw new MirrorQueryError({ field, message: `${field} must be a day written YYYY-MM-DD.` });
  return given;
}

export function range(fromValue: unknown, toValue: unknown): { from?: string | undefined; to?: string | undefined } {
  const from = day("from", fromValue);
  const to = day("to", toValue);
  if (from && to && from > to) throw new MirrorQueryError({ field: "from", message: `"from" (${from}) is after "to" (${to}).` });
  return { from, to };
}

export interface CustomerFilters {
  search?: string | undefined;
  type?: "residential" | "commercial" | undefined;
  vip?: boolean | undefined;
  tag?: string | undefined;
  lead_source?: string | undefined;
  email_opt_in?: boolean | undefined;
  sms_opt_in?: boolean | undefined;
  city?: string | undefined;
  zip?: string | undefined;
}

export function customerInput(query: CustomerQuery) {
  const filters = (query.filters ?? {}) as Record<string, unknown>;
  checkFilterKeys(filters, CUSTOMER_FILTER_KEYS);
  const type = filters.type === undefined ? undefined : pick("type", filters.type, ["residential", "commercial"] as const, "Customer type");
  const checked: CustomerFilters = {
    search: text("search", filters.search),
    type,
    vip: flag("vip", filters.vip),
    tag: text("tag", filters.tag, 40)?.toLowerCase(),
    lead_source: text("lead_source", filters.lead_source, 60),
    email_opt_in: flag("email_opt_in", filters.email_opt_in),
    sms_opt_in: flag("sms_opt_in", filters.sms_opt_in),
    city: text("city", filters.city, 60)?.toLowerCase(),
    zip: text("zip", filters.zip, 10)?.toLowerCase(),
  };
  return {
    sort: query.sort === undefined ? ("name" as const) : pick("sort", query.sort, CUSTOMER_SORT_KEYS, "Sort key"),
    direction: direction(query.direction),
    ...paging(query.page, query.limit),
    filters: checked,
  };
}

export interface JobFilters {
  search?: string | undefined;
  statuses?: JobStatus[] | undefined;
  priority?: JobPriority | undefined;
  assigned_to_user_id?: string | undefined;
  unassigned?: boolean | undefined;
  unscheduled?: boolean | undefined;
  customer_uuid?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function jobInput(query: JobQuery) {
  const filters = (query.filters ?? {}) as Record<string, unknown>;
  checkFilterKeys(filters, JOB_FILTER_KEYS);
  let statuses: JobStatus[] | undefined;
  if (filters.statuses !== undefined) {
    const list = Array.isArray(filters.statuses) ? filters.statuses : typeof filters.statuses === "string" ? filters.statuses.split(",") : null;
    if (!list) throw new MirrorQueryError({ field: "statuses", message: "statuses must be a list of job statuses.", allowed: JOB_STATUSES });
    statuses = list.map((status) => pick("statuses", typeof status === "string" ? status.trim() : status, JOB_STATUSES, "Job status"));
    if (statuses.length === 0) statuses = undefined;
  }
  const assignee = text("assigned_to_user_id", filters.assigned_to_user_id, 64);
  const unassigned = flag("unassigned", filters.unassigned);
  if (assignee && unassigned) throw new MirrorQueryError({ field: "unassigned", message: "Choose an assignee or unassigned, not both." });
  const unscheduled = flag("unscheduled", filters.unscheduled);
  const { from, to } = range(filters.from, filters.to);
  if (unscheduled && (from || to)) throw new MirrorQueryError({ field: "unscheduled", message: "Unscheduled jobs have no date: leave out from and to." });
  const checked: JobFilters = {
    search: text("search", filters.search),
    statuses,
    priority: filters.priority === undefined ? undefined : pick("priority", filters.priority, JOB_PRIORITIES, "Priority"),
    assigned_to_user_id: assignee?.toLowerCase(),
    unassigned,
    unscheduled,
    customer_uuid: text("customer_uuid", filters.customer_uuid, 64)?.toLowerCase(),
    from,
    to,
  };
  return {
    sort: query.sort === undefined ? ("created_at" as const) : pick("sort", query.sort, JOB_SORT_KEYS, "Sort key"),
    direction: query.direction === undefined && query.sort === undefined ? ("desc" as const) : direction(query.direction),
    ...paging(query.page, query.limit),
    filters: checked,
  };
}

/** The viewer's calendar day in a time zone (IANA name), e.g. "2026-12-07". */
export function dayIn(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    throw new MirrorQueryError({ field: "time_zone", message: `"${timeZone}" is not a time zone.` });
  }
}
