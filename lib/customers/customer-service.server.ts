import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { diffFields } from "@/lib/audit/record-audit.server";
import * as crm from "@/lib/crm/customers.server";
import type { Customer } from "@/lib/crm/schemas.server";
import { crmValidationToApiError } from "@/lib/crm/validation-fields.server";
import { checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerExtrasFromFlags, customerToFormValues, toCrmCustomerBody } from "@/lib/customers/customer-crm-mapping";
import type { CustomerInput, CustomerUpdateInput } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { sameInstant } from "@/lib/time/same-instant";
import { recordLock } from "@/lib/concurrency/record-lock.server";
import { deleteOpenJobsOf } from "@/lib/jobs/job-service.server";
import { noteDeletion, restoreRecord } from "@/lib/trash/trash-service.server";

export type { CustomerDto };

export function toCustomerDto(customer: Customer): CustomerDto {
  return { ...customer, extras: customerExtrasFromFlags(customer.internal_flags) };
}

const FORM_FIELDS = Object.keys(customerToFormValues({ first_name: "", last_name: "" } as never));

/** The fields people change, flattened (extras beside CRM fields), for the audit log's before/after. */
function auditView(customer: Customer): Record<string, unknown> {
  return { ...customer, ...customerExtrasFromFlags(customer.internal_flags) };
}

export async function createCustomerFromInput(input: CustomerInput, idempotencyKey: string, context: WriteContext) {
  const body = toCrmCustomerBody(input, null);
  const changes = diffFields(
    null,
    { ...body, ...input },
    Object.keys(input).filter((field) => field !== "billing_same_as_physical"),
  );
  try {
    return await auditedWrite(
      context,
      { action: "create", resource: "customer", resourceId: null, changes },
      () => crm.createCustomer(body, idempotencyKey),
      (customer) => customer.uuid,
    );
  } catch (error) {
    throw crmValidationToApiError(error, FORM_FIELDS);
  }
}

/** One save of a given customer at a time in this process: see lib/concurrency/keyed-lock.ts. */
export function updateCustomerFromPatch(...args: Parameters<typeof updateCustomerFromPatchUnlocked>) {
  return recordLock.run(`customer:${args[0]}`, () => updateCustomerFromPatchUnlocked(...args));
}

/**
 * A partial update that never silently overwrites someone else's change:
 * the person's `expected_updated_at` must still be the record's, else 409 with
 * the record as it is now. The one exception is a retry of this very change
 * (its answer was lost): the record already says what was asked, so that is
 * a success, not a conflict. The CRM has no conditional update, so a change
 * landing between this read and the write cannot be caught here.
 */
async function updateCustomerFromPatchUnlocked(uuid: string, patch: CustomerUpdateInput, idempotencyKey: string, context: WriteContext) {
  const current = (await crm.getCustomer(uuid, { cache: false })).data;
  const { expected_updated_at: expectedUpdatedAt, ...changes } = patch;
  const body = toCrmCustomerBody(changes, current.internal_flags);

  if (!current.updated_at || !sameInstant(current.updated_at, expectedUpdatedAt)) {
    if (alreadyApplied(current, body))
      return { data: current, meta: { cache: "none" as const, upstreamMs: 0, upstreamCalls: 0, replayed: true, fetchedAt: new Date().toISOString() } };
    throw new ApiError(
      409,
      "conflict",
      "Someone else changed this customer since you opened it. Review their change, then apply yours again.",
      undefined,
      undefined,
      toCustomerDto(current),
    );
  }

  const ruleErrors = checkCustomerRules({ ...customerToFormValues(current), ...changes }, Object.keys(changes));
  if (Object.keys(ruleErrors).length > 0) throw new ApiError(400, "validation", "Some fields need attention.", ruleErrors);

  const before = auditView(current);
  const after = { ...before, ...changes, ...body };
  const audit = diffFields(
    before,
    after,
    Object.keys(changes).filter((field) => field !== "billing_same_as_physical"),
  );
  try {
    return await auditedWrite(context, { action: "update", resource: "customer", resourceId: uuid, changes: audit }, () =>
      crm.updateCustomer(uuid, body, idempotencyKey),
    );
  } catch (error) {
    throw crmValidationToApiError(error, FORM_FIELDS);
  }
}

function alreadyApplied(current: Customer, body: Record<string, unknown>): boolean {
  const record = current as unknown as Record<string, unknown>;
  return Object.entries(body).every(([field, value]) => JSON.stringify(record[field] ?? null) === JSON.stringify(value ?? null));
}

/**
 * Deletes a customer and puts them in the trash with who did it. With
 * `withOpenJobs`, their open jobs go first, each into the trash marked as
 * deleted with this customer (so restoring the customer can offer them back).
 * Jobs first: if the CRM stops answering halfway, the customer is still there
 * and the retry (same key, so nothing is done twice) finishes the work.
 */
export async function deleteCustomerById(
  uuid: string,
  idempotencyKey: string,
  context: WriteContext,
  options: { withOpenJobs: boolean } = { withOpenJobs: false },
) {
  const customer = (await crm.getCustomer(uuid, { includeDeleted: true })).data;
  const jobsDeleted = options.withOpenJobs ? await deleteOpenJobsOf(uuid, idempotencyKey, context) : [];
  const result = await auditedWrite(context, { action: "delete", resource: "customer", resourceId: uuid }, () => crm.deleteCustomer(uuid, idempotencyKey));
  await noteDeletion("customer", customer, context);
  return { result, jobsDeleted };
}

export async function restoreCustomerById(uuid: string, expectedDeletedAt: string | undefined, idempotencyKey: string, context: WriteContext) {
  const result = await restoreRecord("customer", uuid, expectedDeletedAt, idempotencyKey, context);
  return { ...result, data: result.data as Customer };
}
