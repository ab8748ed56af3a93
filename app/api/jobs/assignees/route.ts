import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listJobs } from "@/lib/crm/jobs.server";
import { collectAssignees, withLinkedAccounts } from "@/lib/jobs/assignees";
import { mirroredAssignees } from "@/lib/mirror/mirror-filter-lists.server";
import { listCrmUserLinks } from "@/lib/users/manage-users.server";

/** Jobs scanned for assignees when the mirror cannot answer: the newest page of the largest size the CRM allows. */
const SCANNED_JOBS = 100;

/**
 * The people jobs can be assigned to. The CRM has no users endpoint, so they
 * are the distinct `assigned_user`s on jobs, plus the dashboard accounts an
 * admin has linked to a CRM user. Once the mirror has finished a full pass,
 * every job it holds answers, at no CRM request (ADR-018); before that, the
 * newest 100 jobs (one CRM request, shared through the BFF cache). The
 * screens add the people seen on the jobs they have loaded.
 */
export const GET = defineRoute("read", async () => {
  const links = await listCrmUserLinks();
  const mirrored = await mirroredAssignees();
  if (mirrored) return crmJson([], { assignees: withLinkedAccounts(mirrored.rows, links), source: { from: "mirror", asOf: mirrored.asOf } });
  const result = await listJobs({ limit: SCANNED_JOBS });
  return crmJson(result, { assignees: withLinkedAccounts(collectAssignees(result.data.jobs), links), source: { from: "crm" } });
});
