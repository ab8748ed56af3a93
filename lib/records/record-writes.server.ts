import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditedWrite, type WriteContext } from "@/lib/audit/audited-write.server";
import { diffFields } from "@/lib/audit/record-audit.server";
import { recordLock } from "@/lib/concurrency/record-lock.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { crmValidationToApiError } from "@/lib/crm/validation-fields.server";
import { sameInstant } from "@/lib/time/same-instant";

type Fields = Record<string, unknown>;

/**
 * The create and the update of a customer or a job take the same steps in
 * the same order: the input as the CRM will take it, the checks, the audited
 * CRM call, and the CRM's refusal said on the form's fields. A feature gives
 * only what differs (its CRM calls, its mapping, its rules).
 */
export interface RecordWrites<Saved extends { uuid: string; updated_at?: string | null | undefined }, Input extends Fields> {
  resource: "customer" | "job";
  /** The form's fields: a CRM validation error on one of them is said on that field. */
  formFields: readonly string[];
  /** Form fields that are the dashboard's choices, not record data: never in the audit's before/after. */
  dashboardOnly: readonly string[];
  /** The record as the CRM has it now, read past every cache. */
  read: (uuid: string) => Promise<Saved>;
  create: (body: Fields, idempotencyKey: string) => Promise<CrmResult<Saved>>;
  update: (uuid: string, body: Fields, idempotencyKey: string) => Promise<CrmResult<Saved>>;
  /** What the server fills in before the body is built (a job's "use the customer's address"); `current` is null on a create. */
  resolve?: <Changes extends Partial<Input>>(changes: Changes, current: Saved | null) => Promise<Changes>;
  /** The CRM request body for these (possibly partial) values; `current` is null on a create. */
  toBody: (changes: Partial<Input>, current: Saved | null) => Fields;
  /** The record as the edit form holds it, for the cross-field rules of a partial update. */
  toFormValues: (record: Saved) => Fields;
  checkRules: (values: Fields, changed: readonly string[]) => Record<string, string>;
  /**
   * A last check before the CRM is written to, once the input is valid (a
   * customer's possible duplicates): it throws to refuse. `values` is the
   * record as it would be saved (the form's shape); `current` is null on a create.
   */
  beforeWrite?: (values: Fields, current: Saved | null) => Promise<void>;
  /** The record as the audit log compares it (the dashboard's extras beside the CRM's fields); default: as it is. */
  auditView?: (record: Saved) => Fields;
  /** The record a 409 sends back, as the browser reads it; default: as it is. */
  conflictRecord?: (record: Saved) => unknown;
  /** A stored value as the body would send it, to tell a repeated change (a scheduled date stored as a timestamp); default: as it is. */
  storedAs?: (field: string, stored: unknown) => unknown;
}

const asIs = (record: unknown) => record as Fields;

/** The fields the person gave, for the audit's before/after: all but the dashboard's own choices. */
function auditedFields(values: Fields, dashboardOnly: readonly string[]): string[] {
  return Object.keys(values).filter((field) => !dashboardOnly.includes(field));
}

export async function createRecord<Saved extends { uuid: string; updated_at?: string | null | undefined }, Input extends Fields>(
  writes: RecordWrites<Saved, Input>,
  input: Input,
  idempotencyKey: string,
  context: WriteContext,
): Promise<CrmResult<Saved>> {
  const resolved = writes.resolve ? await writes.resolve(input, null) : input;
  const body = writes.toBody(resolved, null);
  await writes.beforeWrite?.(resolved, null);
  const changes = diffFields(null, { ...body, ...resolved }, auditedFields(resolved, writes.dashboardOnly));
  try {
    return await auditedWrite(
      context,
      { action: "create", resource: writes.resource, resourceId: null, changes },
      () => writes.create(body, idempotencyKey),
      (record) => record.uuid,
    );
  } catch (error) {
    throw crmValidationToApiError(error, writes.formFields);
  }
}

/**
 * A partial update that never silently overwrites someone else's change:
 * the person's `expected_updated_at` must still be the record's, else 409 with
 * the record as it is now. The one exception is a retry of this very change
 * (its answer was lost): the record already says what was asked, so that is
 * a success, not a conflict. The CRM has no conditional update, so a change
 * landing outside the dashboard between this read and the write cannot be
 * caught here. One save of a given record at a time, across instances on a
 * shared Postgres: see lib/concurrency/record-lock.server.ts.
 */
export function updateRecord<Saved extends { uuid: string; updated_at?: string | null | undefined }, Input extends Fields>(
  writes: RecordWrites<Saved, Input>,
  uuid: string,
  patch: Partial<Input> & { expected_updated_at: string },
  idempotencyKey: string,
  context: WriteContext,
): Promise<CrmResult<Saved>> {
  return recordLock.run(`${writes.resource}:${uuid}`, async () => {
    const current = await writes.read(uuid);
    const { expected_updated_at: expectedUpdatedAt, ...rest } = patch;
    const asked = rest as unknown as Partial<Input>;
    const changes = writes.resolve ? await writes.resolve(asked, current) : asked;
    const body = writes.toBody(changes, current);

    if (!current.updated_at || !sameInstant(current.updated_at, expectedUpdatedAt)) {
      if (alreadyApplied(writes, current, body))
        return { data: current, meta: { cache: "none" as const, upstreamMs: 0, upstreamCalls: 0, replayed: true, fetchedAt: new Date().toISOString() } };
      throw new ApiError(
        409,
        "conflict",
        `Someone else changed this ${writes.resource} since you opened it. Review their change, then apply yours again.`,
        undefined,
        undefined,
        (writes.conflictRecord ?? asIs)(current),
      );
    }

    const ruleErrors = writes.checkRules({ ...writes.toFormValues(current), ...changes }, Object.keys(changes));
    if (Object.keys(ruleErrors).length > 0) throw new ApiError(400, "validation", "Some fields need attention.", ruleErrors);
    await writes.beforeWrite?.({ ...writes.toFormValues(current), ...changes }, current);

    const before = (writes.auditView ?? asIs)(current);
    const audit = diffFields(before, { ...before, ...changes, ...body }, auditedFields(changes, writes.dashboardOnly));
    try {
      return await auditedWrite(context, { action: "update", resource: writes.resource, resourceId: uuid, changes: audit }, () =>
        writes.update(uuid, body, idempotencyKey),
      );
    } catch (error) {
      throw crmValidationToApiError(error, writes.formFields);
    }
  });
}

function alreadyApplied<Saved extends { uuid: string }, Input extends Fields>(writes: RecordWrites<Saved, Input>, current: Saved, body: Fields): boolean {
  const record = current as unknown as Fields;
  const storedAs = writes.storedAs ?? ((_field: string, stored: unknown) => stored);
  return Object.entries(body).every(([field, value]) => JSON.stringify(storedAs(field, record[field] ?? null)) === JSON.stringify(value ?? null));
}
