import "server-only";
import { sql } from "kysely";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";

export interface DeletedState {
  deletedAt: string;
  /** Deleted through the dashboard and the CRM's own record not read since: deletedAt is the dashboard's clock. */
  provisional: boolean;
}

/**
 * Which of these records the mirror holds as deleted, and whether that is
 * only the dashboard's own note of a DELETE (provisional). The trash uses it
 * to confirm its page's provisional rows with the CRM (so restore compares
 * the CRM's own deleted_at) and to offer only jobs that are still deleted.
 */
export async function deletedStateOf(
  resource: "customers" | "jobs",
  uuids: readonly string[],
  options: { scope?: string | undefined } = {},
): Promise<Map<string, DeletedState>> {
  if (uuids.length === 0) return new Map();
  const scope = options.scope ?? currentMirrorScope();
  const { db } = await mirrorDatabase();
  const table = resource === "customers" ? sql.table("mirror_customers") : sql.table("mirror_jobs");
  const result = await sql<{ uuid: string; deleted_at: Date | string; provisional: boolean }>`
    select uuid, deleted_at, provisional from ${table}
    where scope = ${scope} and deleted_at is not null and uuid = any(${sql.val([...new Set(uuids.map((uuid) => uuid.toLowerCase()))])}::text[])
  `.execute(db);
  return new Map(result.rows.map((row) => [row.uuid, { deletedAt: new Date(row.deleted_at).toISOString(), provisional: row.provisional }]));
}
