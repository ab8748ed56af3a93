import "server-only";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import * as crm from "@/lib/crm/customers.server";
import type { Customer } from "@/lib/crm/schemas.server";
import { checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerExtrasFromFlags, customerToFormValues, toCrmCustomerBody } from "@/lib/customers/customer-crm-mapping";
import { customerFormDefaults, type CustomerInput, type CustomerUpdateInput } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { createRecord, updateRecord, type RecordWrites } from "@/lib/records/record-writes.server";
import { deleteOpenJobsOf, jobLabel, openJobsOf } from "@/lib/jobs/job-service.server";
import type { OpenJobsChoice } from "@/lib/jobs/job-enums";
import { ApiError } from "@/lib/api/api-error";
import { createIntentSeen, noteCreated, noteCreateIntent } from "@/lib/customers/create-intents.server";
import { possibleDuplicateError, possibleDuplicatesOf } from "@/lib/customers/duplicate-check.server";
import { noteDeletion, restoreRecord } from "@/lib/trash/trash-service.server";

export type { CustomerDto };

export function toCustomerDto(customer: Customer): CustomerDto {
  return { ...customer, extras: customerExtrasFromFlags(customer.internal_flags) };
}

/** The customer's create and update: the shared steps (lib/records/record-writes.server.ts) with the customer's mapping and rules. */
const customerWrites: RecordWrites<Customer, CustomerInput> = {
  resource: "customer",
  formFields: Object.keys(customerFormDefaults),
  dashboardOnly: ["billing_same_as_physical"],
  read: async (uuid) => (await crm.getCustomer(uuid, { cache: false })).data,
  create: crm.createCustomer,
  update: crm.updateCustomer,
  toBody: (changes, current) => toCrmCustomerBody(changes, current?.internal_flags ?? null),
  toFormValues: customerToFormValues,
  checkRules: checkCustomerRules,
  // The fields people change, flattened (extras beside CRM fields), for the audit log's before/after.
  auditView: (customer) => ({ ...customer, ...customerExtrasFromFlags(customer.internal_flags) }),
  conflictRecord: toCustomerDto,
};

const CONFIRMED_NOTE = "saved although possible duplicates were shown (the person confirmed this is someone else)";

const digits = (value: unknown) => (typeof value === "string" ? value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "") : "");
const lowered = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : "");
const NAME_AND_STREET = ["first_name", "last_name", "physical_address1"] as const;

/**
 * Refuses a save that may make a second record of someone on file (409
 * `possible_duplicate`), unless the person confirmed it. An update is checked
 * on what it changes only: a phone left as it is (or typed again in another
 * format) flags nobody.
 */
async function refuseDuplicates(values: Record<string, unknown>, current: Customer | null) {
  const only = new Set<"phone" | "email" | "name_and_address">();
  if (!current || digits(values.phone) !== digits(current.phone)) only.add("phone");
  if (!current || lowered(values.email) !== lowered(current.email)) only.add("email");
  if (!current || NAME_AND_STREET.some((field) => lowered(values[field]) !== lowered(current[field]))) only.add("name_and_address");
  if (only.size === 0) return;
  const matches = await possibleDuplicatesOf(values, { excludeUuid: current?.uuid, only });
  if (matches.length > 0) throw possibleDuplicateError(matches);
}

/** The writes with the duplicate check, or, once the person confirmed, without it and with their answer on the audit entry. */
function writesFor(confirmDuplicate: boolean, context: WriteContext): [RecordWrites<Customer, CustomerInput>, WriteContext] {
  if (confirmDuplicate) return [customerWrites, { ...context, note: CONFIRMED_NOTE }];
  const beforeWrite = (values: Record<string, unknown>, current: Customer | null) => refuseDuplicates(values, current);
  return [{ ...customerWrites, beforeWrite }, context];
}

export async function createCustomerFromInput(
  input: CustomerInput,
  idempotencyKey: string,
  context: WriteContext,
  options: { confirmDuplicate?: boolean } = {},
) {
  // A retry of an intent already sent (its answer lost, its instance gone) passed or skipped the check the first time:
  // it goes to the CRM again with the same key, which replays the first create, never a duplicate of itself.
  const retry = await createIntentSeen(idempotencyKey);
  const [writes, audited] = retry ? [customerWrites, context] : writesFor(options.confirmDuplicate === true, context);
  const check = writes.beforeWrite;
  const noted: RecordWrites<Customer, CustomerInput> = {
    ...writes,
    beforeWrite: async (values, current) => {
      await check?.(values, current);
      await noteCreateIntent(idempotencyKey);
    },
  };
  const result = await createRecord(noted, input, idempotencyKey, audited);
  await noteCreated(idempotencyKey, result.data.uuid);
  return result;
}

/** A partial update, refused with 409 when someone else changed the customer since `expected_updated_at` (see updateRecord). */
export function updateCustomerFromPatch(
  uuid: string,
  patch: CustomerUpdateInput,
  idempotencyKey: string,
  context: WriteContext,
  options: { confirmDuplicate?: boolean } = {},
) {
  const [writes, audited] = writesFor(options.confirmDuplicate === true, context);
  return updateRecord(writes, uuid, patch, idempotencyKey, audited);
}

/**
 * Deletes a customer and puts them in the trash with who did it, guarded
 * like the CRM's "delete when the rules allow it": a customer with open jobs
 * (JOBS_HOLDING_A_DELETE) is deleted only when the request says what happens
 * to them, else 409 `has_open_jobs` listing them. With "delete", their open
 * jobs go first, each into the trash marked as deleted with this customer (so
 * restoring the customer can offer them back). Jobs first: if the CRM stops
 * answering halfway, the customer is still there and the retry (same key, so
 * nothing is done twice) finishes the work. With "keep", the jobs stay and
 * the audit entry says so.
 */
export async function deleteCustomerById(uuid: string, idempotencyKey: string, context: WriteContext, options: { openJobs?: OpenJobsChoice } = {}) {
  const customer = (await crm.getCustomer(uuid, { includeDeleted: true })).data;
  if (options.openJobs === undefined && !customer.deleted_at) {
    const open = await openJobsOf(uuid);
    if (open.total > 0) throw hasOpenJobsError(toCustomerDto(customer), open);
  }
  const jobsDeleted = options.openJobs === "delete" ? await deleteOpenJobsOf(uuid, idempotencyKey, context) : [];
  const audited = options.openJobs === "keep" ? { ...context, note: "deleted with the customer's open jobs kept, as the person chose" } : context;
  const result = await auditedWrite(audited, { action: "delete", resource: "customer", resourceId: uuid }, () => crm.deleteCustomer(uuid, idempotencyKey));
  await noteDeletion("customer", customer, context);
  return { result, jobsDeleted };
}

function hasOpenJobsError(customer: CustomerDto, open: Awaited<ReturnType<typeof openJobsOf>>): ApiError {
  const name = `${customer.first_name} ${customer.last_name}`.trim();
  const listed = open.jobs.slice(0, 3).map(jobLabel).join(", ");
  const more = open.total > 3 ? ` and ${open.total - 3} more` : "";
  return new ApiError(
    409,
    "has_open_jobs",
    `${name} has ${open.total} open job${open.total === 1 ? "" : "s"} (${listed}${more}). Say whether to delete ${open.total === 1 ? "it" : "them"} too or keep ${open.total === 1 ? "it" : "them"}.`,
    undefined,
    undefined,
    undefined,
    {
      open_jobs: open.jobs.map((job) => ({
        uuid: job.uuid,
        job_number: job.job_number ?? null,
        title: job.title,
        status: job.status,
        scheduled_date: job.scheduled_date ?? null,
        link: `/jobs/${job.uuid}`,
      })),
      open_jobs_total: open.total,
    },
  );
}

export async function restoreCustomerById(uuid: string, expectedDeletedAt: string | undefined, idempotencyKey: string, context: WriteContext) {
  const result = await restoreRecord("customer", uuid, expectedDeletedAt, idempotencyKey, context);
  return { ...result, data: result.data as Customer };
}
