import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith } from "@/lib/api/read-body.server";
import { auditFiltersFor } from "@/lib/audit/audit-access.server";
import { auditApiFiltersSchema, queryAuditLog } from "@/lib/audit/audit-query.server";

/**
 * Anyone who can read a record may read its own history (resource and a
 * record uuid); browsing the whole log, sessions and users is for admins.
 */
export const GET = defineRoute("read", async ({ request, user }) => {
  const filters = parseWith(auditApiFiltersSchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await queryAuditLog(auditFiltersFor(user, filters)));
});
