import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key.server";
import { uuidParam } from "@/lib/api/uuid-param.server";
import { restoreCustomerById, toCustomerDto } from "@/lib/customers/customer-service.server";
import { readRestoreRequest } from "@/lib/trash/restore-request.server";

export const POST = defineRoute<{ uuid: string }>("write", async ({ request, params, requestId, user }) => {
  const uuid = uuidParam(params.uuid);
  const key = idempotencyKeyFor(request, user, `restore-customer-${uuid}`);
  const { expectedDeletedAt } = await readRestoreRequest(request);
  const result = await restoreCustomerById(uuid, expectedDeletedAt, key, { user, requestId });
  return crmJson(result, toCustomerDto(result.data));
});
