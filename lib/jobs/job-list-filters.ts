import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { JOB_PRIORITIES, JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { listParamsShape } from "@/lib/lists/list-params";
import { parseSort } from "@/lib/lists/list-sort";
import { JOB_FILTER_KEYS, JOB_TABLE_SORT_KEYS, type FilterCheck, type FilterErrors, type JobFilterKey, type RawJobFilters } from "@/lib/jobs/job-list-url";

/**
 * The job list's URL filters: the schema the job list API (app/api/jobs)
 * parses its query with, and checkJobFilters, which the job screens run on the
 * same text so a hand-edited URL gets the API's own messages. It imports zod
 * but not the form schemas (nor, through them, libphonenumber-js); the job
 * screens load it in the browser only when the filters change there (see
 * components/jobs/filters/use-job-filter-check.ts).
 */

const listUuid = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || z.guid().safeParse(value).success, `That isn't a valid ${what} id`)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

/** YYYY-MM-DD naming a day that exists (no 2026-02-30, no month 13: an Invalid Date, which must not reach toISOString). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar day, YYYY-MM-DD, that exists. */
const dayParam = (what: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return undefined;
      if (isCalendarDay(value)) return value;
      ctx.addIssue({ code: "custom", message: `${what} must be a day written YYYY-MM-DD` });
      return z.NEVER;
    })
    .optional();

/** A switch the screen turns on: "true", or absent. */
const onlyParam = (what: string) =>
  z
    .enum(["true", ""], { error: `${what} is either true or left out` })
    .transform((value) => (value === "true" ? true : undefined))
    .optional();

/**
 * The job list's query string (strings in, typed values out), e.g.
 * `jobListFiltersSchema.safeParse(Object.fromEntries(searchParams))`.
 * `status` is a comma-separated list, like the CRM's.
 */
export const jobListFiltersSchema = z
  .strictObject(
    {
      status: z
        .string()
        .transform((value, ctx) => {
          const statuses: JobStatus[] = [];
          for (const part of value.split(",").map((item) => item.trim())) {
            if (part === "") continue;
            const status = JOB_STATUSES.find((known) => known === part);
            if (status) {
              if (!statuses.includes(status)) statuses.push(status);
            } else {
              ctx.addIssue({ code: "custom", message: `Unknown status “${part}”` });
            }
          }
          return statuses;
        })
        .default([]),
      priority: z
        .string()
        .trim()
        .transform((value, ctx) => {
          if (value === "") return undefined;
          const priority = JOB_PRIORITIES.find((known) => known === value);
          if (priority) return priority;
          ctx.addIssue({ code: "custom", message: `Unknown priority “${value}”` });
          return z.NEVER;
        })
        .optional(),
      location_uuid: listUuid("location"),
      customer_uuid: listUuid("customer"),
      assigned_to_user_id: listUuid("team member"),
      ...listParamsShape,
      sort: z
        .string()
        .transform((value, ctx) => {
          const check = parseSort(value, JOB_TABLE_SORT_KEYS);
          if (check.ok) return check.sort ?? undefined;
          ctx.addIssue({ code: "custom", message: check.message });
          return z.NEVER;
        })
        .optional(),
      from: dayParam("From"),
      to: dayParam("To"),
      unassigned: onlyParam("unassigned"),
      unscheduled: onlyParam("unscheduled"),
    },
    unknownFieldsError("filter"),
  )
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.from > filters.to)
      ctx.addIssue({ code: "custom", path: ["from"], message: `From (${filters.from}) is after To (${filters.to})` });
    if (filters.unassigned && filters.assigned_to_user_id)
      ctx.addIssue({ code: "custom", path: ["unassigned"], message: "Choose a team member or unassigned, not both" });
    if (filters.unscheduled && (filters.from || filters.to))
      ctx.addIssue({ code: "custom", path: ["unscheduled"], message: "Unscheduled jobs have no date: clear From and To, or unscheduled" });
  });
export type JobListFilters = z.output<typeof jobListFiltersSchema>;

/** Validates the URL's filters; only the given keys are read (the board ignores the table's). */
export function checkJobFilters(raw: Partial<RawJobFilters>, keys: readonly JobFilterKey[] = JOB_FILTER_KEYS): FilterCheck {
  const input: Record<string, string> = {};
  for (const key of keys) {
    const value = raw[key];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = jobListFiltersSchema.safeParse(input);
  if (parsed.success) return { ok: true, filters: parsed.data };
  const errors: FilterErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "") as JobFilterKey;
    errors[key] = errors[key] ? `${errors[key]} ${issue.message}` : issue.message;
  }
  return { ok: false, errors };
}
