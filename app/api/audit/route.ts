import { ApiError } from "@/lib/api/api-error";
import { defineRoute, json } from "@/lib/api/define-route";
import { auditFiltersSchema, queryAuditLog } from "@/lib/audit/audit-query";
import { can } from "@/lib/auth/roles";

/**
 * Anyone who can read a record may read its own history (resource and
 * resource_id given); browsing the whole log is for admins.
 */
export const GET = defineRoute("read", async ({ request, user }) => {
  const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const oneRecord = filters.resource !== undefined && filters.resource !== "user" && filters.resource_id !== undefined;
  if (!oneRecord && !can(user.role, "read_audit")) throw new ApiError(403, "forbidden", "Only admins can browse the audit log.");
  return json(await queryAuditLog(filters));
});
