/**
 * The CRM's objects as the dashboard's code sees them, for any side to import.
 * They are inferred from the zod schemas that parse the CRM's answers
 * (schemas.server.ts, which stays on the server); a type-only re-export is
 * erased when compiled, so nothing of the server module reaches a browser.
 */
export type { Customer, JobDetail, JobListItem, Location, Pagination } from "@/lib/crm/schemas.server";
