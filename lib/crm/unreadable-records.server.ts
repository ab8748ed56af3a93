import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import type { UnreadableRecord } from "@/lib/crm/crm-types";
import type { UnreadableRecordProblem } from "@/lib/crm/schemas.server";

/**
 * The records of a list answer the dashboard could not read: logged with what
 * was wrong (field paths and the schema's words, never the values), and
 * handed on by uuid alone, so the screens show a row saying the record could
 * not be read instead of failing the list.
 */
export function reportUnreadable(resource: "customers" | "jobs" | "locations", records: readonly UnreadableRecordProblem[]): UnreadableRecord[] {
  for (const record of records) logEvent("error", "crm_record_unreadable", { resource, uuid: record.uuid, problem: record.problem.slice(0, 500) });
  return records.map((record) => ({ uuid: record.uuid }));
}
