import "server-only";
import { z } from "zod";
import { readOptionalJsonBody } from "@/lib/api/read-body.server";

const restoreRequestSchema = z
  .object({
    /** The deletion the person saw in the trash: if the record was restored and deleted again since, nothing is restored. */
    expected_deleted_at: z.iso.datetime({ offset: true, message: "Use an ISO 8601 date and time." }).optional(),
  })
  .strict();

/** A restore's body is optional (an Undo right after a delete has nothing to compare): no body means no expectation. */
export async function readRestoreRequest(request: Request): Promise<{ expectedDeletedAt: string | undefined }> {
  const body = await readOptionalJsonBody(request, restoreRequestSchema);
  return { expectedDeletedAt: body?.expected_deleted_at };
}
