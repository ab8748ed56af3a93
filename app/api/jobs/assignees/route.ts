import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listJobs } from "@/lib/crm/jobs.server";
import { collectAssignees, withLinkedAccounts } from "@/lib/jobs/assignees";
import { listCrmUserLinks } from "@/lib/users/manage-users.server";

/** Jobs scanned for assignees: the newest page of the largest size the CRM allows. */
const SCANNED_JOBS = 100;

/**
 * The people jobs can be assigned to. The CRM has no users endpoint, so they
 * are the distinct `assigned_user`s on the newest 100 jobs (one CRM request,
 * shared by everyone through the BFF cache), plus the dashboard accounts an
 * admin has linked to a CRM user. The screens add the people seen on the jobs
 * they have loaded.
 */
export const GET = defineRoute("read", async () => {
  const result = await listJobs({ limit: SCANNED_JOBS });
  return crmJson(result, { assignees: withLinkedAccounts(collectAssignees(result.data.jobs), await listCrmUserLinks()) });
});
