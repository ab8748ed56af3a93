import "server-only";
import { z } from "zod";
import { parseWith } from "@/lib/api/read-body.server";

const uuidSchema = z.uuid({ error: "That is not a valid id." });

/**
 * Path ids are checked before anything else: only a UUID can reach the CRM's
 * URL, so no path segment can point a request at another CRM endpoint.
 */
export function uuidParam(value: string | undefined, name = "uuid"): string {
  return parseWith(z.object({ [name]: uuidSchema }), { [name]: value })[name] as string;
}
