/**
 * Runs one piece of work per item, at most `concurrency` at a time, and
 * reports each item's outcome as it settles. It never throws: a failed item
 * is a result like any other, so one refusal does not hide what happened to
 * the rest. Results come back in the order of `items`, whatever the order
 * they settled in.
 *
 * Bounded rather than all at once: every item is a CRM request counted
 * against the monthly allowance and subject to its rate limit, and a burst of
 * a hundred would also queue behind the browser's six connections per host.
 */
export type BulkResult<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

export interface BulkProgress {
  total: number;
  /** Items settled so far, succeeded or failed. */
  done: number;
  failed: number;
}

export interface RunBulkOptions<T> {
  concurrency: number;
  /** Called once per item as it settles, with the counts including it. */
  onSettled?: (result: BulkResult<T>, progress: BulkProgress) => void;
}

export async function runBulk<T>(items: readonly T[], work: (item: T) => Promise<unknown>, options: RunBulkOptions<T>): Promise<BulkResult<T>[]> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new RangeError("concurrency must be a whole number of at least 1");
  const results = new Array<BulkResult<T>>(items.length);
  const progress: BulkProgress = { total: items.length, done: 0, failed: 0 };
  let next = 0;

  async function settle(index: number, item: T): Promise<void> {
    let result: BulkResult<T>;
    try {
      await work(item);
      result = { item, ok: true };
    } catch (error) {
      result = { item, ok: false, error };
    }
    results[index] = result;
    progress.done += 1;
    if (!result.ok) progress.failed += 1;
    try {
      options.onSettled?.(result, { ...progress });
    } catch {
      // A broken progress display must not stop the remaining items or lose their results.
    }
  }

  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      await settle(index, items[index] as T);
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));
  return results;
}
