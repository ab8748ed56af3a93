import { badRequest } from "../../http/api-error";

export type PutIntent = { kind: "restore" } | { kind: "update"; body: Record<string, unknown> };

/**
 * CRM-API decisions 6 and 7: a PUT whose body is exactly {"deleted_at": null}
 * restores a soft-deleted record; any other PUT is a partial update of an
 * active one. deleted_at can never be set through PUT: deleting is DELETE's job.
 */
export function classifyPut(body: Record<string, unknown>): PutIntent {
  if (Object.hasOwn(body, "deleted_at")) {
    if (body.deleted_at !== null) throw badRequest("deleted_at can only be set to null (to restore a deleted record); use DELETE to delete");
    if (Object.keys(body).length === 1) return { kind: "restore" };
  }
  return { kind: "update", body };
}
