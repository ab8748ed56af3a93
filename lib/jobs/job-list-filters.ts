import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { JOB_PRIORITIES, JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { listParamsShape } from "@/lib/lists/list-params";
import { JOB_FILTER_KEYS, type FilterCheck, type FilterErrors, type JobFilterKey, type RawJobFilters } from "@/lib/jobs/job-list-url";

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

/**
 * The job list's query string (strings in, typed values out), e.g.
 * `jobListFiltersSchema.safeParse(Object.fromEntries(searchParams))`.
 * `status` is a comma-separated list, like the CRM's.
 */
export const jobListFiltersSchema = z.strictObject(
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
  },
  unknownFieldsError("filter"),
);
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
