import "server-only";
import { z } from "zod";
import { CrmError } from "@/lib/crm/errors.server";
import { getJob } from "@/lib/crm/jobs.server";
import { crmOrMirror } from "@/lib/mirror/mirror-fallback.server";
import { mirroredJob } from "@/lib/mirror/mirror-record.server";
import { logEvent } from "@/lib/api/logger.server";
import { describeCrmError, isCrmConnectionProblem } from "@/lib/errors/describe-crm-error";
import type { JobDetail } from "@/lib/jobs/job-types";
import { staleSinceOf } from "@/lib/api/crm-response.server";

export type LoadedJob =
  { state: "ok"; job: JobDetail; staleSince: string | null } | { state: "not_found" } | { state: "error"; message: string; requestId: string; retry: boolean };

/**
 * A job for a server page, deleted ones included (their page says so and
 * offers Restore). A path that isn't a UUID never reaches the CRM. `fresh`
 * skips the shared cache: an edit form must start from the newest updated_at.
 */
export async function loadJob(uuid: string, options: { fresh?: boolean } = {}): Promise<LoadedJob> {
  if (!z.guid().safeParse(uuid).success) return { state: "not_found" };
  try {
    const read = () => getJob(uuid, { includeDeleted: true, cache: options.fresh ? false : undefined });
    // An edit form must start from the CRM's own record; a page may show the mirror's copy, marked (ADR-018).
    const result = options.fresh ? await read() : await crmOrMirror(read, () => mirroredJob(uuid, { includeDeleted: true }));
    return { state: "ok", job: result.data, staleSince: staleSinceOf(result) };
  } catch (error) {
    if (error instanceof CrmError) {
      if (error.kind === "not_found") return { state: "not_found" };
      // A page has no API answer to carry a request id: this one is made here and logged, so the id on screen finds the line.
      const requestId = crypto.randomUUID();
      logEvent("error", "page_crm_error", { request_id: requestId, kind: error.kind, message: error.message });
      return { state: "error", message: describeCrmError(error.kind), requestId, retry: !isCrmConnectionProblem(error.kind) };
    }
    throw error;
  }
}
