import type { z } from "zod";
import { badRequest } from "./api-error";

/** Parses with a schema whose messages name their fields; all issues are joined into one 400 message. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  throw badRequest(messages.join("; "));
}
