import type { z } from "zod";

/** One message per field (the first), keyed by its dotted path; "_form" for errors about the whole body. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Unknown fields are refused rather than silently dropped or forwarded.
      for (const unknownKey of issue.keys) fields[[...issue.path, unknownKey].join(".")] ??= "This field is not accepted.";
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * For z.strictObject: unknown fields are refused (not silently dropped), with a
 * message that names them. fieldErrors above reports each one on its own key.
 * Here rather than with the customer schema so that list filter schemas (which
 * the job screens run in the browser) need not load the phone library with it.
 */
export function unknownFieldsError(what: string) {
  return {
    error: (issue: { code?: string; keys?: readonly string[] }) =>
      issue.code === "unrecognized_keys" && issue.keys ? `Unknown ${what}: ${issue.keys.map((key) => `“${key}”`).join(", ")}` : undefined,
  };
}
