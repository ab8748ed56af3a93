import { crmJson } from "@/lib/api/crm-response";
import { defineRoute } from "@/lib/api/define-route";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";
import { readJsonBody } from "@/lib/api/read-body";
import { booleanParam } from "@/lib/api/query-params";
import { uuidParam } from "@/lib/api/uuid-param";
import { getCustomer } from "@/lib/crm/customers";
import { customerUpdateSchema } from "@/lib/customers/customer-schema";
import { deleteCustomerById, toCustomerDto, updateCustomerFromPatch } from "@/lib/customers/customer-service";

type Params = { uuid: string };

export const GET = defineRoute<Params>("read", async ({ request, params }) => {
  const uuid = uuidParam(params.uuid);
  const includeDeleted = booleanParam(new URL(request.url).searchParams, "include_deleted");
  const result = await getCustomer(uuid, { includeDeleted });
  return crmJson(result, toCustomerDto(result.data));
});

export const PUT = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `update-customer-${uuid}`);
  const patch = await readJsonBody(request, customerUpdateSchema);
  const result = await updateCustomerFromPatch(uuid, patch, key, { user, requestId });
  return crmJson(result, toCustomerDto(result.data));
});

export const DELETE = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const withOpenJobs = booleanParam(new URL(request.url).searchParams, "with_open_jobs");
  // The choice is part of the intent: the same key with and without the jobs must not replay one for the other.
  const key = idempotencyKeyFor(request, user, `delete-customer-${uuid}${withOpenJobs ? "-with-jobs" : ""}`);
  const { result, jobsDeleted } = await deleteCustomerById(uuid, key, { user, requestId }, { withOpenJobs });
  return crmJson(result, { uuid, deleted: true, jobs_deleted: jobsDeleted });
});
