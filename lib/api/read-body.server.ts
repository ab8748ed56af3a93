import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { fieldErrors } from "@/lib/api/field-errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body. What is refused, and when:
 * - a body that is not declared as JSON: 415, before a byte of it is read;
 * - a body over 64 KB: 413, from Content-Length when declared, else as soon
 *   as the stream passes the cap (a chunked upload is never buffered whole);
 * - malformed JSON: 400 invalid_json; a value the schema refuses: 400 validation.
 */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const text = await readJsonText(request);
  if (text.trim() === "") throw new ApiError(400, "invalid_json", "The request has no body; send a JSON object.");
  return parseWith(schema, parseJson(text));
}

/** The same for a body that may be left out (no body, or an empty one): then undefined. */
export async function readOptionalJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema> | undefined> {
  if (request.body === null || request.headers.get("content-length") === "0") return undefined;
  const text = await readJsonText(request, { emptyAllowed: true });
  if (text.trim() === "") return undefined;
  return parseWith(schema, parseJson(text));
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

/** application/json or any application/*+json, whatever its parameters (charset). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

async function readJsonText(request: Request, options: { emptyAllowed?: boolean } = {}): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    // An empty optional body needs no type; anything with content does.
    const text = options.emptyAllowed ? await readCapped(request) : null;
    if (text !== null && text.trim() === "") return "";
    throw new ApiError(415, "unsupported_media_type", "Send the request body as JSON, with Content-Type: application/json.");
  }
  return readCapped(request);
}

/** Reads the stream, stopping with 413 the moment it passes the cap. */
async function readCapped(request: Request): Promise<string> {
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

function tooLarge() {
  return new ApiError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}
