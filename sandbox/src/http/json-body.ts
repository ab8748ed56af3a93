import { badRequest } from "./api-error";

/** The request body as a JSON object, or a 400 that says what is wrong with it. */
export function parseJsonObject(rawBody: string): Record<string, unknown> {
  if (rawBody.trim() === "") throw badRequest("Request body must be a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    throw badRequest("Malformed JSON in request body");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("Request body must be a JSON object");
  }
  return value as Record<string, unknown>;
}
