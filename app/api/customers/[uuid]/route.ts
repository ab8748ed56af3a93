import { z } from "zod";
import { crmJson, withNotSaved } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key.server";
import { parseWith, readJsonBody, readOptionalJsonBody } from "@/lib/api/read-body.server";
import { booleanParam } from "@/lib/api/query-params.server";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { OPEN_JOBS_CHOICES } from "@/lib/jobs/job-enums";
import { uuidParam } from "@/lib/api/uuid-param.server";
import { getCustomer } from "@/lib/crm/customers.server";
import { crmOrMirror } from "@/lib/mirror/mirror-fallback.server";
import { mirroredCustomer } from "@/lib/mirror/mirror-record.server";
import { takeConfirmDuplicate } from "@/lib/customers/confirm-duplicate.server";
import { customerUpdateSchema } from "@/lib/customers/customer-schema";
import { deleteCustomerById, toCustomerDto, updateCustomerFromPatch } from "@/lib/customers/customer-service.server";

type Params = { uuid: string };

export const GET = defineRoute<Params>("read", async ({ request, params }) => {
  const uuid = uuidParam(params.uuid);
  const includeDeleted = booleanParam(new URL(request.url).searchParams, "include_deleted");
  // The CRM answers; when it cannot, the mirror's copy, marked with its age (ADR-018).
  const result = await crmOrMirror(
    () => getCustomer(uuid, { includeDeleted }),
    () => mirroredCustomer(uuid, { includeDeleted }),
  );
  return crmJson(result, toCustomerDto(result.data));
});

export const PUT = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `update-customer-${uuid}`);
  const { confirmDuplicate, rest } = takeConfirmDuplicate(await readJsonBody(request, z.unknown()));
  const patch = parseWith(customerUpdateSchema, rest);
  const result = await updateCustomerFromPatch(uuid, patch, key, { user, requestId }, { confirmDuplicate });
  return crmJson(result, withNotSaved(result, toCustomerDto(result.data)));
});

/** `{open_jobs: "delete" | "keep"}`, or no body: then a customer with open jobs is a 409 listing them. */
const deleteBodySchema = z.strictObject(
  { open_jobs: z.enum(OPEN_JOBS_CHOICES, { error: 'Send "delete" to delete the open jobs too, or "keep" to leave them.' }).optional() },
  unknownFieldsError("field"),
);

export const DELETE = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const openJobs = (await readOptionalJsonBody(request, deleteBodySchema))?.open_jobs;
  // The choice is part of the intent: the same key with and without the jobs must not replay one for the other.
  const key = idempotencyKeyFor(request, user, `delete-customer-${uuid}${openJobs ? `-open-jobs-${openJobs}` : ""}`);
  const { result, jobsDeleted } = await deleteCustomerById(uuid, key, { user, requestId }, { openJobs });
  return crmJson(result, { uuid, deleted: true, jobs_deleted: jobsDeleted });
});
