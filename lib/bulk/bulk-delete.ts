import { runBulk, type BulkProgress } from "@/lib/bulk/run-bulk";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { newIntentKey } from "@/lib/http/api-mutate";

/**
 * Deleting several records of one kind and undoing it, over the dashboard's
 * one-record routes (the CRM has no bulk delete): one request per record,
 * each with its own Idempotency-Key.
 */
export interface BulkDeleteKind<Row> {
  noun: { one: string; many: string };
  id: (row: Row) => string;
  label: (row: Row) => string;
  /** `answer` is the batch's answer to `question`, when the kind asks one. */
  remove: (id: string, idempotencyKey: string, answer?: string) => Promise<unknown>;
  /**
   * Asked once for the whole batch in the confirmation (and again before
   * "Try again"): what happens where the server would hold a delete (a
   * customer's open jobs). The first choice is the default.
   */
  question?: BulkQuestion;
  restore: (id: string, idempotencyKey: string) => Promise<unknown>;
  /** Brings every query showing these records up to date; awaited before the table is trusted again (the kind's hook binds it to the query client). */
  refresh: () => Promise<unknown>;
}

export interface BulkQuestion {
  legend: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
}

/** Two or three at a time: quick enough for a page of 100, gentle on the CRM's rate limit. */
export const BULK_CONCURRENCY = 3;

export interface BulkFailure<Row> {
  row: Row;
  reason: string;
}

export interface BulkDeleteReport<Row> {
  deleted: Row[];
  failed: BulkFailure<Row>[];
}

/**
 * One key per record for the whole intent (one confirmed bulk delete): "Try
 * again" sends the same key for the same record, so a retry after an answer
 * that was lost replays that answer instead of acting twice.
 */
export function intentKeys(): (id: string) => string {
  const keys = new Map<string, string>();
  return (id) => {
    let key = keys.get(id);
    if (key === undefined) {
      key = newIntentKey();
      keys.set(id, key);
    }
    return key;
  };
}

/** Why one record could not be deleted, in words for the person who asked. */
export function deleteFailureReason(error: unknown): string {
  if (error instanceof ApiRequestError) {
    // The CRM answers 404 to deleting a record that is already deleted: most likely someone else was quicker.
    if (error.status === 404) return "It was already deleted (perhaps by someone else) or no longer exists.";
  }
  return errorMessage(error);
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong.";
}

export async function deleteRows<Row>(
  kind: Pick<BulkDeleteKind<Row>, "id" | "remove">,
  rows: readonly Row[],
  keyFor: (id: string) => string,
  onProgress?: (progress: BulkProgress) => void,
  answer?: string,
): Promise<BulkDeleteReport<Row>> {
  const results = await runBulk(
    rows,
    (row) => {
      const id = kind.id(row);
      return kind.remove(id, keyFor(id), answer);
    },
    { concurrency: BULK_CONCURRENCY, onSettled: (_result, progress) => onProgress?.(progress) },
  );
  const report: BulkDeleteReport<Row> = { deleted: [], failed: [] };
  for (const result of results) {
    if (result.ok) report.deleted.push(result.item);
    else report.failed.push({ row: result.item, reason: deleteFailureReason(result.error) });
  }
  return report;
}

/** The restore route's answer for a record that is not deleted: for an Undo, that record is already where it should be. */
export function isAlreadyRestored(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409 && error.code === "not_deleted";
}

export interface RestoreReport<Row> {
  restored: Row[];
  failed: BulkFailure<Row>[];
}

/** The Undo of a bulk delete: one restore per record, with a fresh key each (the Undo is a new intent). */
export async function restoreRows<Row>(kind: Pick<BulkDeleteKind<Row>, "id" | "restore">, rows: readonly Row[]): Promise<RestoreReport<Row>> {
  const results = await runBulk(
    rows,
    async (row) => {
      try {
        await kind.restore(kind.id(row), newIntentKey());
      } catch (error) {
        if (!isAlreadyRestored(error)) throw error;
      }
    },
    { concurrency: BULK_CONCURRENCY },
  );
  const report: RestoreReport<Row> = { restored: [], failed: [] };
  for (const result of results) {
    if (result.ok) report.restored.push(result.item);
    else report.failed.push({ row: result.item, reason: errorMessage(result.error) });
  }
  return report;
}

/** "3 customers", "1 job". */
export function countOf(count: number, noun: { one: string; many: string }): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}
