import { parseAsString } from "nuqs/server";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import { sortParam } from "@/lib/lists/list-sort";
import type { JobSortKey } from "@/lib/mirror/mirror-types";

/**
 * The columns the job table sorts by, named as in the URL (`sort=title`,
 * `sort=-scheduled_date`): one per column shown. The list API refuses any other.
 */
export const JOB_TABLE_SORT_KEYS = [
  "job_number",
  "title",
  "customer_name",
  "status",
  "priority",
  "scheduled_date",
  "assignee_name",
  "location_name",
  "estimated_amount",
  "actual_amount",
  "created_at",
] as const satisfies readonly JobSortKey[];
export type JobTableSortKey = (typeof JOB_TABLE_SORT_KEYS)[number];

/** The job table's parameters only the mirror answers: the filters the CRM lacks (ADR-017). A sort is the mirror's too. */
export const JOB_MIRROR_FILTERS = ["from", "to", "unassigned", "unscheduled"] as const;

/**
 * The job screens' filters as they live in the URL. The keys are the job
 * list API's own parameter names, so a filtered board or table is a link the
 * overview can build, and the one schema (jobListFiltersSchema) judges a
 * hand-edited URL exactly as the API would.
 *
 * Every value is read as raw text and validated by checkJobFilters
 * (lib/jobs/job-list-filters.ts) rather than by nuqs parsers: a parser would
 * silently drop "status=Teleported", while the person who typed it deserves to
 * be told on the filter.
 *
 * This module holds only what needs no validation (the keys, links, history
 * mode, the API URL for typed filters) and imports no schema, so building a link (the overview does) costs
 * no zod in the browser. Keep it that way.
 */
export const JOB_FILTER_KEYS = [
  "status",
  "priority",
  "location_uuid",
  "assigned_to_user_id",
  "customer_uuid",
  "search",
  "include_deleted",
  "page",
  "limit",
  "sort",
  "from",
  "to",
  "unassigned",
  "unscheduled",
] as const;
export type JobFilterKey = (typeof JOB_FILTER_KEYS)[number];

/** The board shows every status as a column and loads pages per column. */
export const BOARD_FILTER_KEYS = ["priority", "location_uuid", "assigned_to_user_id", "customer_uuid", "search"] as const satisfies readonly JobFilterKey[];

export type RawJobFilters = Record<JobFilterKey, string>;

const text = parseAsString.withDefault("");

/** nuqs parsers for useQueryStates: raw text, "" when absent. */
export const jobFilterParsers = {
  status: text,
  priority: text,
  location_uuid: text,
  assigned_to_user_id: text,
  customer_uuid: text,
  search: text,
  include_deleted: text,
  page: text,
  limit: text,
  sort: text,
  from: text,
  to: text,
  unassigned: text,
  unscheduled: text,
} satisfies Record<JobFilterKey, typeof text>;

export const EMPTY_RAW_FILTERS: RawJobFilters = Object.fromEntries(JOB_FILTER_KEYS.map((key) => [key, ""])) as RawJobFilters;

export type FilterErrors = Partial<Record<JobFilterKey, string>>;

/** What checkJobFilters (lib/jobs/job-list-filters.ts) says of a set of raw filters. */
export type FilterCheck = { ok: true; filters: JobListFilters } | { ok: false; errors: FilterErrors };

/** A server page's filters and its checkJobFilters verdict on them, handed to the screen it renders. */
export interface CheckedJobFilters {
  raw: RawJobFilters;
  check: FilterCheck;
}

/** Reads the filters from a server page's searchParams (first value of repeated keys). */
export function rawFiltersFromSearchParams(searchParams: Record<string, string | string[] | undefined>): RawJobFilters {
  const raw = { ...EMPTY_RAW_FILTERS };
  for (const key of JOB_FILTER_KEYS) {
    const value = searchParams[key];
    raw[key] = (Array.isArray(value) ? value[0] : value) ?? "";
  }
  return raw;
}

/** The part of the filters that narrows the board (no status, paging or deleted records). */
export type BoardFilters = Pick<JobListFilters, "priority" | "location_uuid" | "assigned_to_user_id" | "customer_uuid" | "search">;

export function boardFiltersOf(filters: JobListFilters): BoardFilters {
  return {
    priority: filters.priority,
    location_uuid: filters.location_uuid,
    assigned_to_user_id: filters.assigned_to_user_id,
    customer_uuid: filters.customer_uuid,
    search: filters.search,
  };
}

/** A link into the job table or board with these filters, e.g. from the overview. */
export function jobsHref(path: "/jobs" | "/jobs/board", filters: Partial<RawJobFilters>): string {
  const params = new URLSearchParams();
  for (const key of JOB_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Filter changes add a history entry, so Back returns to the previous view;
 * refining a search replaces it, so Back doesn't replay the typing word by word.
 */
export function historyModeFor(current: RawJobFilters, patch: Partial<RawJobFilters>): "push" | "replace" {
  const keys = Object.keys(patch).filter((key) => key !== "page");
  const refinesSearch = keys.length === 1 && keys[0] === "search" && current.search !== "" && patch.search !== "";
  return refinesSearch ? "replace" : "push";
}

/**
 * A board column's page size. 25 is the smallest page the job list API
 * offers (25, 50, 100): loading the board's ten columns costs ten CRM requests.
 */
export const BOARD_PAGE_SIZE = 25;

/** The dashboard API's job list URL for typed filters; defaults are left out to keep cache keys short. */
export function jobListUrl(filters: Partial<JobListFilters>): string {
  const params = new URLSearchParams();
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.location_uuid) params.set("location_uuid", filters.location_uuid);
  if (filters.assigned_to_user_id) params.set("assigned_to_user_id", filters.assigned_to_user_id);
  if (filters.customer_uuid) params.set("customer_uuid", filters.customer_uuid);
  if (filters.search) params.set("search", filters.search);
  if (filters.include_deleted) params.set("include_deleted", "true");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  if (filters.limit) params.set("limit", String(filters.limit));
  if (filters.sort) params.set("sort", sortParam(filters.sort));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.unassigned) params.set("unassigned", "true");
  if (filters.unscheduled) params.set("unscheduled", "true");
  const query = params.toString();
  return query ? `/api/jobs?${query}` : "/api/jobs";
}
