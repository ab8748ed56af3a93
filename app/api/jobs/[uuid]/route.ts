import { crmJson, withNotSaved } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key.server";
import { booleanParam } from "@/lib/api/query-params.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { uuidParam } from "@/lib/api/uuid-param.server";
import { getJob } from "@/lib/crm/jobs.server";
import { crmOrMirror } from "@/lib/mirror/mirror-fallback.server";
import { mirroredJob } from "@/lib/mirror/mirror-record.server";
import { jobUpdateSchema } from "@/lib/jobs/job-schema";
import { deleteJobById, updateJobFromPatch } from "@/lib/jobs/job-service.server";

type Params = { uuid: string };

export const GET = defineRoute<Params>("read", async ({ request, params }) => {
  const uuid = uuidParam(params.uuid);
  const includeDeleted = booleanParam(new URL(request.url).searchParams, "include_deleted");
  // The CRM answers; when it cannot, the mirror's copy, marked with its age (ADR-018).
  const result = await crmOrMirror(
    () => getJob(uuid, { includeDeleted }),
    () => mirroredJob(uuid, { includeDeleted }),
  );
  return crmJson(result, result.data);
});

export const PUT = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `update-job-${uuid}`);
  const patch = await readJsonBody(request, jobUpdateSchema);
  const result = await updateJobFromPatch(uuid, patch, key, { user, requestId });
  return crmJson(result, withNotSaved(result, result.data));
});

export const DELETE = defineRoute<Params>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `delete-job-${uuid}`);
  const result = await deleteJobById(uuid, key, { user, requestId });
  return crmJson(result, { uuid, deleted: true });
});
