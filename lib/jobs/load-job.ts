import "server-only";
import { z } from "zod";
import { CrmError } from "@/lib/crm/errors";
import { getJob } from "@/lib/crm/jobs";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import type { JobDetail } from "@/lib/jobs/job-types";

export type LoadedJob = { state: "ok"; job: JobDetail } | { state: "not_found" } | { state: "error"; message: string };

/**
 * A job for a server page, deleted ones included (their page says so and
 * offers Restore). A path that isn't a UUID never reaches the CRM. `fresh`
 * skips the shared cache: an edit form must start from the newest updated_at.
 */
export async function loadJob(uuid: string, options: { fresh?: boolean } = {}): Promise<LoadedJob> {
  if (!z.guid().safeParse(uuid).success) return { state: "not_found" };
  try {
    const result = await getJob(uuid, { includeDeleted: true, cache: options.fresh ? false : undefined });
    return { state: "ok", job: result.data };
  } catch (error) {
    if (error instanceof CrmError) return error.kind === "not_found" ? { state: "not_found" } : { state: "error", message: describeCrmError(error.kind) };
    throw error;
  }
}
