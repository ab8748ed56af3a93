import { crmJson } from "@/lib/api/crm-response";
import { defineRoute } from "@/lib/api/define-route";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key";
import { uuidParam } from "@/lib/api/uuid-param";
import { restoreJobById } from "@/lib/jobs/job-service";
import { readRestoreRequest } from "@/lib/trash/restore-request";

export const POST = defineRoute<{ uuid: string }>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `restore-job-${uuid}`);
  const { expectedDeletedAt } = await readRestoreRequest(request);
  const result = await restoreJobById(uuid, expectedDeletedAt, key, { user, requestId });
  return crmJson(result, result.data);
});
