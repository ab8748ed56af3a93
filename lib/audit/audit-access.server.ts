import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import type { AuditFilters } from "@/lib/audit/audit-query.server";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import { can } from "@/lib/auth/roles";

/**
 * The only part of the audit log a non-admin may read: the history of one
 * customer or job, named by a real uuid. Sessions (sign-ins, rejected
 * attempts) and users are admin-only, and so is browsing without a record.
 */
const recordHistorySchema = z.object({
  resource: z.enum(["customer", "job"]),
  resource_id: z.uuid(),
});

/**
 * The filters the query runs with for this user. For a non-admin they are
 * rebuilt from the record-history test itself, so the check that lets the
 * request through and the WHERE clause that limits it can never disagree
 * (an empty id that passes one and filters nothing in the other).
 */
export function auditFiltersFor(user: Pick<CurrentUser, "role">, filters: AuditFilters): AuditFilters {
  if (can(user.role, "read_audit")) return filters;
  const record = recordHistorySchema.safeParse(filters);
  if (!record.success) {
    throw new ApiError(403, "forbidden", "Only admins can browse the audit log. Others can read the history of one customer or job.");
  }
  return { page: filters.page, resource: record.data.resource, resource_id: record.data.resource_id };
}
