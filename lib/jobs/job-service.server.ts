import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { diffFields } from "@/lib/audit/record-audit.server";
import { getCustomer } from "@/lib/crm/customers.server";
import { CrmError } from "@/lib/crm/errors.server";
import * as crm from "@/lib/crm/jobs.server";
import type { JobDetail, JobListItem } from "@/lib/crm/schemas.server";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";
import { noteDeletion, restoreRecord } from "@/lib/trash/trash-service.server";
import { crmValidationToApiError } from "@/lib/crm/validation-fields.server";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { checkJobRules } from "@/lib/jobs/job-fields";
import { jobToFormValues, serviceAddressFromCustomer, toCrmJobBody } from "@/lib/jobs/job-crm-mapping";
import type { JobInput, JobUpdateInput } from "@/lib/jobs/job-schema";
import { sameInstant } from "@/lib/time/same-instant";
import { recordLock } from "@/lib/concurrency/record-lock.server";

const FORM_FIELDS = Object.keys(jobToFormValues({ title: "" }));

/**
 * "Use the customer's address" is resolved here, on the server, from the
 * customer as the CRM has it now. A customer that does not exist (or was
 * deleted) is the customer field's problem, said on that field.
 */
async function withServiceAddress<T extends { customer_uuid?: string | undefined; use_customer_address?: boolean | undefined }>(
  input: T,
  fallbackCustomerUuid?: string,
): Promise<T> {
  if (input.use_customer_address !== true) return input;
  const customerUuid = input.customer_uuid ?? fallbackCustomerUuid;
  if (!customerUuid) return input;
  try {
    const customer = (await getCustomer(customerUuid)).data;
    return { ...input, ...serviceAddressFromCustomer(customer) };
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found") {
      throw new ApiError(400, "validation", "That customer no longer exists.", { customer_uuid: "That customer no longer exists. Choose another." });
    }
    throw error;
  }
}

export async function createJobFromInput(input: JobInput, idempotencyKey: string, context: WriteContext) {
  const resolved = await withServiceAddress(input);
  const body = toCrmJobBody(resolved);
  const changes = diffFields(null, body, Object.keys(body));
  try {
    return await auditedWrite(
      context,
      { action: "create", resource: "job", resourceId: null, changes },
      () => crm.createJob(body, idempotencyKey),
      (job) => job.uuid,
    );
  } catch (error) {
    throw crmValidationToApiError(error, FORM_FIELDS);
  }
}

/** One save of a given job at a time in this process: see lib/concurrency/keyed-lock.ts. */
export function updateJobFromPatch(...args: Parameters<typeof updateJobFromPatchUnlocked>) {
  return recordLock.run(`job:${args[0]}`, () => updateJobFromPatchUnlocked(...args));
}

/** Same rules as customers: 409 on a stale `expected_updated_at`, unless this exact change already landed. */
async function updateJobFromPatchUnlocked(uuid: string, patch: JobUpdateInput, idempotencyKey: string, context: WriteContext) {
  const current = (await crm.getJob(uuid, { cache: false })).data;
  const { expected_updated_at: expectedUpdatedAt, ...rawChanges } = patch;
  const changes = await withServiceAddress(rawChanges, current.customer?.uuid ?? current.customer_uuid);
  const body = toCrmJobBody(changes);

  if (!current.updated_at || !sameInstant(current.updated_at, expectedUpdatedAt)) {
    if (alreadyApplied(current, body))
      return { data: current, meta: { cache: "none" as const, upstreamMs: 0, upstreamCalls: 0, replayed: true, fetchedAt: new Date().toISOString() } };
    throw new ApiError(
      409,
      "conflict",
      "Someone else changed this job since you opened it. Review their change, then apply yours again.",
      undefined,
      undefined,
      current,
    );
  }

  const ruleErrors = checkJobRules({ ...jobToFormValues(current), ...changes }, Object.keys(changes));
  if (Object.keys(ruleErrors).length > 0) throw new ApiError(400, "validation", "Some fields need attention.", ruleErrors);

  const before = current as unknown as Record<string, unknown>;
  const audit = diffFields(before, { ...before, ...body }, Object.keys(body));
  try {
    return await auditedWrite(context, { action: "update", resource: "job", resourceId: uuid, changes: audit }, () =>
      crm.updateJob(uuid, body, idempotencyKey),
    );
  } catch (error) {
    throw crmValidationToApiError(error, FORM_FIELDS);
  }
}

function alreadyApplied(current: JobDetail, body: Record<string, unknown>): boolean {
  const record = current as unknown as Record<string, unknown>;
  return Object.entries(body).every(([field, value]) => {
    const stored = record[field] ?? null;
    if (field === "scheduled_date" && typeof stored === "string" && typeof value === "string") return stored.slice(0, 10) === value;
    return JSON.stringify(stored) === JSON.stringify(value ?? null);
  });
}

export async function deleteJobById(uuid: string, idempotencyKey: string, context: WriteContext) {
  const job = (await crm.getJob(uuid, { includeDeleted: true })).data;
  const result = await auditedWrite(context, { action: "delete", resource: "job", resourceId: uuid }, () => crm.deleteJob(uuid, idempotencyKey));
  await noteDeletion("job", job, context);
  return result;
}

export async function restoreJobById(uuid: string, expectedDeletedAt: string | undefined, idempotencyKey: string, context: WriteContext) {
  const result = await restoreRecord("job", uuid, expectedDeletedAt, idempotencyKey, context);
  return { ...result, data: result.data as JobDetail };
}

/**
 * Deletes every open job (any status but Complete) of a customer, one at a
 * time, each with a key derived from the customer's delete so a retry repeats
 * none. The list is read whole first: deleting while paging would shift the
 * pages. A job someone else deleted meanwhile is skipped.
 */
export async function deleteOpenJobsOf(customerUuid: string, idempotencyKey: string, context: WriteContext): Promise<Array<{ uuid: string; label: string }>> {
  const open: JobListItem[] = [];
  for (let page = 1; ; page += 1) {
    const { data } = await crm.listJobs({ customerUuid, statuses: OPEN_JOB_STATUSES, page, limit: 100 }, { cache: false });
    open.push(...data.jobs);
    if (data.jobs.length === 0 || page * data.pagination.limit >= data.pagination.total) break;
  }
  const deleted: Array<{ uuid: string; label: string }> = [];
  for (const [index, job] of open.entries()) {
    try {
      await auditedWrite(context, { action: "delete", resource: "job", resourceId: job.uuid }, () =>
        crm.deleteJob(job.uuid, `${idempotencyKey}-job-${job.uuid}`),
      );
    } catch (error) {
      if (error instanceof CrmError && error.kind === "not_found") continue;
      throw new ApiError(
        502,
        "crm_unavailable",
        `The customer was not deleted: ${index} of their ${open.length} open jobs were deleted before the CRM stopped answering (${error instanceof CrmError ? describeCrmError(error.kind) : "an unexpected error"}). Try again: nothing is done twice.`,
      );
    }
    await noteDeletion("job", job, context, customerUuid);
    deleted.push({ uuid: job.uuid, label: job.job_number ? `${job.job_number} ${job.title}` : job.title });
  }
  return deleted;
}
