import "server-only";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import * as crm from "@/lib/crm/customers.server";
import type { Customer } from "@/lib/crm/schemas.server";
import { checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerExtrasFromFlags, customerToFormValues, toCrmCustomerBody } from "@/lib/customers/customer-crm-mapping";
import { customerFormDefaults, type CustomerInput, type CustomerUpdateInput } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { createRecord, updateRecord, type RecordWrites } from "@/lib/records/record-writes.server";
import { deleteOpenJobsOf } from "@/lib/jobs/job-service.server";
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
  return [{ ...customerWrites, beforeWrite: refuseDuplicates }, context];
}

export function createCustomerFromInput(input: CustomerInput, idempotencyKey: string, context: WriteContext, options: { confirmDuplicate?: boolean } = {}) {
  const [writes, audited] = writesFor(options.confirmDuplicate === true, context);
  return createRecord(writes, input, idempotencyKey, audited);
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
