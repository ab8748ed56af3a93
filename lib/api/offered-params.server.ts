import "server-only";
import { ApiError } from "@/lib/api/api-error";

/**
 * A URL's query parameters as one value each, refusing any the route does not
 * offer with a 400 that names the ones it does (a misspelt "pgae" is not
 * silently ignored), and any given twice (which one would win is a guess).
 */
export function offeredParams(request: Request, offered: readonly string[]): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const fields: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!offered.includes(name)) fields[name] = `“${name}” is not offered. Allowed: ${offered.join(", ")}.`;
    else if (name in values) fields[name] = `Give “${name}” once.`;
    else values[name] = value;
  }
  const names = Object.keys(fields);
  if (names.length > 0) {
    const message = names.length === 1 ? fields[names[0]!]! : `${names.length} parameters need attention. Allowed: ${offered.join(", ")}.`;
    throw new ApiError(400, "validation", message, fields);
  }
  return values;
}
