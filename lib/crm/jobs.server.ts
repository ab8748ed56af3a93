import "server-only";
import type { JobPriority, JobStatus } from "@/lib/jobs/job-enums";
import { crmRead, crmWrite } from "@/lib/crm/crm-request.server";
import { deletedSchema, jobDetailSchema, jobListSchema } from "@/lib/crm/schemas.server";
// The CRM mirror learns from every answer here (read-through, write-through; ADR-014).
import { mirrorDeleted, mirrorJobDetail, mirrorJobs } from "@/lib/mirror/mirror-observer.server";

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
  return result;
}

export async function getJob(uuid: string, options: { includeDeleted?: boolean; cache?: boolean } = {}) {
  const result = await crmRead(`/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, {
    query: { include_deleted: options.includeDeleted ? "true" : undefined },
    cache: options.cache,
  });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}

export async function createJob(body: Record<string, unknown>, idempotencyKey: string) {
  const result = await crmWrite("POST", "/jobs", jobDetailSchema, { body, idempotencyKey, invalidates: AFFECTS });
  await mirrorJobDetail(result.meta, result.data);
  return result;
}

export async function updateJob(uuid: string, body: Record<string, unknown>, idempotencyKey: string) {
  const result = await crmWrite("PUT", `/jobs/${encodeURIComponent(uuid)}`, jobDetailSchema, { body, idempotencyKey, invalidates: AFFECTS });
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
