/**
 * The CRM's objects as the dashboard's code sees them, for any side to import.
 * They are inferred from the zod schemas that parse the CRM's answers
 * (schemas.server.ts, which stays on the server); a type-only re-export is
 * erased when compiled, so nothing of the server module reaches a browser.
 */
export type { Customer, JobDetail, JobListItem, Location, Pagination } from "@/lib/crm/schemas.server";

/** A record of a list the dashboard could not read: its uuid when it had one (the reason is in the server log). */
export interface UnreadableRecord {
  uuid: string | null;
}

/**
 * A create or update answer of the dashboard's API: the record, and the CRM
 * field names it did not keep even after the follow-up update
 * (lib/crm/kept-write.server.ts). Absent when everything was kept.
 */
export type WithNotSaved<T> = T & { not_saved?: string[] };
