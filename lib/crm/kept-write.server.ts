import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { CrmError } from "@/lib/crm/errors.server";
import { fieldsNotKept } from "@/lib/crm/kept-fields.server";

/**
 * Nothing lost on write, in one place: every create and update of a customer
 * or job goes through here.
 *
 * 1. The write is sent; its answer is compared with what was sent.
 * 2. Fields the answer does not show get one follow-up update of just those
 *    fields. Its Idempotency-Key is derived from the write's, so a retry of the
 *    whole save (same key) replays both and the record changes exactly once.
 * 3. Fields that still did not stick are returned in `meta.notSaved` (CRM field
 *    names): the audit log records them, the route returns them, and the form
 *    keeps them and says which they are.
 *
 * A follow-up the CRM refuses or does not answer does not fail the save (the
 * record is written): its fields are reported as not saved instead.
 */
export const FOLLOW_UP_KEY_SUFFIX = "-fill";

export interface KeptWriteSteps<T> {
  body: Record<string, unknown>;
  idempotencyKey: string;
  write: (body: Record<string, unknown>, idempotencyKey: string) => Promise<CrmResult<T>>;
  /** The same record's update, for the follow-up. */
  update: (uuid: string, body: Record<string, unknown>, idempotencyKey: string) => Promise<CrmResult<T>>;
  uuidOf: (data: T) => string;
}

export async function writeKeepingFields<T>(steps: KeptWriteSteps<T>): Promise<CrmResult<T>> {
  const first = await steps.write(steps.body, steps.idempotencyKey);
  const missing = fieldsNotKept(steps.body, first.data as Record<string, unknown>);
  if (missing.length === 0) return first;

  const followUpBody = Object.fromEntries(missing.map((field) => [field, steps.body[field]]));
  const uuid = steps.uuidOf(first.data);
  let second: CrmResult<T> | null = null;
  try {
    second = await steps.update(uuid, followUpBody, `${steps.idempotencyKey}${FOLLOW_UP_KEY_SUFFIX}`);
  } catch (error) {
    logEvent("error", "crm_follow_up_failed", { uuid, fields: missing, kind: error instanceof CrmError ? error.kind : "unexpected" });
  }
  const notSaved = second ? fieldsNotKept(followUpBody, second.data as Record<string, unknown>) : missing;
  // The CRM ignored fields the dashboard sends: worth knowing (npm run crm:check says which), whether or not the follow-up fixed it.
  logEvent("info", "crm_fields_not_applied", { uuid, fields: missing, still_not_saved: notSaved });
  const last = second ?? first;
  return {
    data: last.data,
    meta: {
      ...last.meta,
      upstreamMs: first.meta.upstreamMs + (second?.meta.upstreamMs ?? 0),
      upstreamCalls: first.meta.upstreamCalls + (second?.meta.upstreamCalls ?? 0),
      replayed: first.meta.replayed,
      notSaved,
    },
  };
}
