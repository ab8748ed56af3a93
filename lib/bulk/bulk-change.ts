import { runBulk, type BulkProgress } from "@/lib/bulk/run-bulk";
import { BULK_CONCURRENCY, type BulkFailure } from "@/lib/bulk/bulk-delete";

/**
 * Changing several records at once over the dashboard's one-record routes,
 * and undoing it: one request per record, a few at a time (runBulk), each
 * with its intent's Idempotency-Key (intentKeys in bulk-delete.ts), so a
 * retried request, or "Try again" after a lost answer, is replayed by the
 * server instead of being applied twice.
 */
export interface BulkWrite<Row, Saved> {
  id: (row: Row) => string;
  /** True when the row already holds what is asked: no request is sent for it. */
  alreadySet?: (row: Row) => boolean;
  write: (row: Row, idempotencyKey: string) => Promise<Saved>;
  /** Why a row could not be written, in words for the person who asked. */
  failureReason: (error: unknown) => string;
}

export interface BulkWriteReport<Row, Saved> {
  /** Written now, each with the server's answer (the version the write produced). */
  written: Array<{ row: Row; saved: Saved }>;
  /** Already as asked: nothing was sent. */
  unchanged: Row[];
  failed: BulkFailure<Row>[];
}

type Outcome<Saved> = { kind: "written"; saved: Saved } | { kind: "unchanged" };

export async function writeRows<Row, Saved>(
  rows: readonly Row[],
  writes: BulkWrite<Row, Saved>,
  keyFor: (id: string) => string,
  onProgress?: (progress: BulkProgress) => void,
): Promise<BulkWriteReport<Row, Saved>> {
  const outcomes = new Array<Outcome<Saved> | undefined>(rows.length);
  const results = await runBulk(
    rows.map((row, index) => ({ row, index })),
    async ({ row, index }) => {
      if (writes.alreadySet?.(row)) {
        outcomes[index] = { kind: "unchanged" };
        return;
      }
      outcomes[index] = { kind: "written", saved: await writes.write(row, keyFor(writes.id(row))) };
    },
    { concurrency: BULK_CONCURRENCY, onSettled: (_result, progress) => onProgress?.(progress) },
  );
  const report: BulkWriteReport<Row, Saved> = { written: [], unchanged: [], failed: [] };
  for (const result of results) {
    const { row, index } = result.item;
    const outcome = outcomes[index];
    if (!result.ok) report.failed.push({ row, reason: writes.failureReason(result.error) });
    else if (outcome?.kind === "written") report.written.push({ row, saved: outcome.saved });
    else report.unchanged.push(row);
  }
  return report;
}
