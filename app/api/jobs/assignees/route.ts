import { crmJson } from "@/lib/api/crm-response";
import { defineRoute } from "@/lib/api/define-route";
import { listJobs } from "@/lib/crm/jobs";
import { collectAssignees } from "@/lib/jobs/assignees";

/** Jobs scanned for assignees: the newest page of the largest size the CRM allows. */
const SCANNED_JOBS = 100;

/**
 * The people jobs can be assigned to. The CRM has no users endpoint, so they
 * are the distinct `assigned_user`s on the newest 100 jobs: one CRM request,
 * shared by everyone through the BFF cache. The screens add the people seen
 * on the jobs they have loaded.
 */
export const GET = defineRoute("read", async () => {
  const result = await listJobs({ limit: SCANNED_JOBS });
  return crmJson(result, { assignees: collectAssignees(result.data.jobs) });
});
