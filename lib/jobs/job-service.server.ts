import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { getCustomer } from "@/lib/crm/customers.server";
import { CrmError } from "@/lib/crm/errors.server";
import * as crm from "@/lib/crm/jobs.server";
import type { JobDetail, JobListItem } from "@/lib/crm/schemas.server";
import { JOBS_HOLDING_A_DELETE } from "@/lib/jobs/job-enums";
import { noteDeletion, restoreRecord } from "@/lib/trash/trash-service.server";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { checkJobRules } from "@/lib/jobs/job-fields";
import { jobToFormValues, serviceAddressFromCustomer, toCrmJobBody } from "@/lib/jobs/job-crm-mapping";
import { jobFormDefaults, type JobInput, type JobUpdateInput } from "@/lib/jobs/job-schema";
import { createRecord, updateRecord, type RecordWrites } from "@/lib/records/record-writes.server";

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

/** The job's create and update: the shared steps (lib/records/record-writes.server.ts) with the job's mapping and rules. */
const jobWrites: RecordWrites<JobDetail, JobInput> = {
  resource: "job",
  formFields: Object.keys(jobFormDefaults),
  dashboardOnly: ["use_customer_address"],
  read: async (uuid) => (await crm.getJob(uuid, { cache: false })).data,
  create: crm.createJob,
  update: crm.updateJob,
  resolve: (changes, current) => withServiceAddress(changes, current ? (current.customer?.uuid ?? current.customer_uuid ?? undefined) : undefined),
  toBody: (changes) => toCrmJobBody(changes),
  toFormValues: jobToFormValues,
  checkRules: checkJobRules,
  // The CRM may store a YYYY-MM-DD date as a timestamp: the same day is the same value.
  storedAs: (field, stored) => (field === "scheduled_date" && typeof stored === "string" ? stored.slice(0, 10) : stored),
};

export function createJobFromInput(input: JobInput, idempotencyKey: string, context: WriteContext) {
  return createRecord(jobWrites, input, idempotencyKey, context);
}

/** A partial update, refused with 409 when someone else changed the job since `expected_updated_at` (see updateRecord). */
export function updateJobFromPatch(uuid: string, patch: JobUpdateInput, idempotencyKey: string, context: WriteContext) {
  return updateRecord(jobWrites, uuid, patch, idempotencyKey, context);
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

/** The first page (100) of a customer's open jobs (JOBS_HOLDING_A_DELETE), read fresh, with their total. */
export async function openJobsOf(customerUuid: string): Promise<{ jobs: JobListItem[]; total: number }> {
  const { data } = await crm.listJobs({ customerUuid, statuses: JOBS_HOLDING_A_DELETE, limit: 100 }, { cache: false });
  return { jobs: data.jobs, total: data.pagination.total };
}

export const jobLabel = (job: Pick<JobListItem, "job_number" | "title">) => (job.job_number ? `${job.job_number} ${job.title}` : job.title);

/**
 * Deletes every open job (JOBS_HOLDING_A_DELETE) of a customer, one at a
 * time, each with a key derived from the customer's delete so a retry repeats
 * none. The list is read whole first: deleting while paging would shift the
 * pages. A job someone else deleted meanwhile is skipped.
 */
export async function deleteOpenJobsOf(customerUuid: string, idempotencyKey: string, context: WriteContext): Promise<Array<{ uuid: string; label: string }>> {
  const open: JobListItem[] = [];
  for (let page = 1; ; page += 1) {
    const { data } = await crm.listJobs({ customerUuid, statuses: JOBS_HOLDING_A_DELETE, page, limit: 100 }, { cache: false });
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
    deleted.push({ uuid: job.uuid, label: jobLabel(job) });
  }
  return deleted;
}
