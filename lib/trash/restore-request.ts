import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { MAX_BODY_BYTES, parseWith } from "@/lib/api/read-body";

const restoreRequestSchema = z
  .object({
    /** The deletion the person saw in the trash: if the record was restored and deleted again since, nothing is restored. */
    expected_deleted_at: z.iso.datetime({ offset: true, message: "Use an ISO 8601 date and time." }).optional(),
  })
  .strict();

/** A restore's body is optional (an Undo right after a delete has nothing to compare): no body means no expectation. */
export async function readRestoreRequest(request: Request): Promise<{ expectedDeletedAt: string | undefined }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  if (text.trim() === "") return { expectedDeletedAt: undefined };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const body = parseWith(restoreRequestSchema, json);
  return { expectedDeletedAt: body.expected_deleted_at };
}
