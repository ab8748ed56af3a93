import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { fieldErrors } from "@/lib/api/field-errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads and validates a JSON body; oversized, malformed or invalid bodies are 4xx, never 5xx. */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  return parseWith(schema, json);
}

export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const count = Object.keys(fields).length;
    throw new ApiError(400, "validation", count === 1 ? "One field needs attention." : `${count} fields need attention.`, fields);
  }
  return parsed.data;
}

function tooLarge() {
  return new ApiError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}
