import "server-only";
import type { JobPriority, JobStatus } from "@/lib/jobs/job-enums";
import { crmRead, crmWrite } from "@/lib/crm/crm-request.server";
import { writeKeepingFields } from "@/lib/crm/kept-write.server";
import { reportUnreadable } from "@/lib/crm/unreadable-records.server";
import { deletedSchema, jobDetailSchema, jobListSchema } from "@/lib/crm/schemas.server";
// The CRM mirror learns from every answer here (read-through, write-through; ADR-014).
import { mirrorDeleted, mirrorJobDetail, mirrorJobs } from "@/lib/mirror/mirror-observer.server";
import { recentlyConfirmedJob } from "@/lib/mirror/mirror-hit.server";

/** Job operations of the CRM (CRM-API 002). */
const AFFECTS = ["jobs"] as const;

export interface ListJobsParams {
  statuses?: readonly JobStatus[] | undefined;
  priority?: JobPriority | undefined;
  customerUuid?: string | undefined;
  locationUuid?: string | undefined;
  assignedToUserId?: string | undefined;
  search?: string | undefined;
  includeDeleted?: boolean | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export async function listJobs(params: ListJobsParams = {}, options: { cache?: boolean } = {}) {
  const result = await crmRead("/jobs", jobListSchema, {
    query: {
      status: params.statuses?.length ? params.statuses.join(",") : undefined,
      priority: params.priority,
      customer_uuid: params.customerUuid,
      location_uuid: params.locationUuid,
      assigned_to_user_id: params.assignedToUserId,
      search: params.search,
      include_deleted: params.includeDeleted ? "true" : undefined,
      page: params.page,
      limit: params.limit,
    },
    cache: options.cache,
  });
  await mirrorJobs(result.meta, result.data.jobs);
  return { ...result, data: { ...result.data, unreadable: reportUnreadable("jobs", result.data.unreadable) } };
}

export async function getJob(uuid: string, options: { includeDeleted?: boolean; cache?: boolean } = {}) {
  // A job the CRM confirmed whole within the cache's lifetime (a create's or a save's answer) is a cache hit (ADR-018).
  const recent = options.cache === false ? null : await recentlyConfirmedJob(uuid, { includeDeleted: options.includeDeleted });
  if (recent) return recent;
  const result = await crmRead(`/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, {
    query: { include_deleted: options.includeDeleted ? "true" : undefined },
    cache: options.cache,
  });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}

/**
 * scheduled_date is a calendar date, but CRM-API 002 documents it as a full
 * timestamp ("2025-01-20T10:00:00Z"), so it is sent as one: noon UTC, which is
 * the same calendar day in every US time zone (and every zone from UTC-11 to
 * UTC+11), so a CRM showing it in local time shows the day chosen. Read back,
 * its UTC date is the day (jobToFormValues).
 */
export function toCrmScheduledDate(value: unknown): unknown {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00.000Z` : value;
}

function toCrmBody(body: Record<string, unknown>): Record<string, unknown> {
  return "scheduled_date" in body ? { ...body, scheduled_date: toCrmScheduledDate(body.scheduled_date) } : body;
}

const putJob = (uuid: string, body: Record<string, unknown>, idempotencyKey: string) =>
  crmWrite("PUT", `/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, { body, idempotencyKey, invalidates: AFFECTS });

/** Create and update check that every field sent was kept (see kept-write.server.ts); `meta.notSaved` lists those that were not. */
export async function createJob(body: Record<string, unknown>, idempotencyKey: string) {
  const result = await writeKeepingFields({
    body: toCrmBody(body),
    idempotencyKey,
    write: (sent, key) => crmWrite("POST", "/jobs", jobDetailSchema, { body: sent, idempotencyKey: key, invalidates: AFFECTS }),
    update: putJob,
    uuidOf: (job) => job.uuid,
  });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}

export async function updateJob(uuid: string, body: Record<string, unknown>, idempotencyKey: string) {
  const result = await writeKeepingFields({
    body: toCrmBody(body),
    idempotencyKey,
    write: (sent, key) => putJob(uuid, sent, key),
    update: putJob,
    uuidOf: (job) => job.uuid,
  });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}

export async function deleteJob(uuid: string, idempotencyKey: string) {
  const result = await crmWrite("DELETE", `/jobs/${encodeURIComponent(uuid)}`, deletedSchema, { idempotencyKey, invalidates: AFFECTS });
  await mirrorDeleted(result.meta, "jobs", uuid);
  return result;
}

/** Restore: see restoreCustomer for why this is a PUT of `{"deleted_at": null}`. */
export async function restoreJob(uuid: string, idempotencyKey: string) {
  const result = await crmWrite("PUT", `/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, {
    body: { deleted_at: null },
    idempotencyKey,
    invalidates: AFFECTS,
  });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}
