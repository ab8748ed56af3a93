import { ApiRequestError } from "@/lib/http/api-fetch";

/**
 * Reads every page of a server-paginated list, one request after the other
 * (never in parallel: each one costs a CRM request and the allowance is
 * shared), reporting progress, stoppable with an AbortSignal.
 *
 * The CRM lists newest first. A record created during the export pushes the
 * others one place down, so a row can come back twice at a page boundary:
 * rows are kept once by id. (A record deleted meanwhile can make one row be
 * skipped; the CRM has no stable cursor to prevent that.) A long export that
 * reaches the person's per-minute budget of CRM requests (429 rate_limited)
 * waits out its Retry-After and goes on.
 */

export interface PageOfRows<Row> {
  rows: Row[];
  totalPages: number;
}

export interface ExportProgress<Row> {
  /** Rows gathered so far, oldest request first, without repeats. */
  rows: Row[];
  /** Pages read so far. */
  pagesDone: number;
  /** The latest known number of pages (may change while reading). */
  totalPages: number;
}

export class ExportAbortedError extends Error {
  override readonly name = "ExportAbortedError";
  constructor() {
    super("The export was cancelled.");
  }
}

/** Thrown when a page fails: carries what was read, so "Try again" resumes instead of starting over. */
export class ExportPageError<Row> extends Error {
  override readonly name = "ExportPageError";
  constructor(
    readonly progress: ExportProgress<Row>,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : "A page of the export could not be read.");
  }
}

export async function fetchAllPages<Row>(options: {
  fetchPage: (page: number, signal: AbortSignal) => Promise<PageOfRows<Row>>;
  getRowId: (row: Row) => string;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress<Row>) => void;
  /** Resume after a failure: what ExportPageError carried. */
  resumeFrom?: ExportProgress<Row>;
}): Promise<Row[]> {
  const { fetchPage, getRowId, signal, onProgress } = options;
  const rows = [...(options.resumeFrom?.rows ?? [])];
  const seen = new Set(rows.map(getRowId));
  let pagesDone = options.resumeFrom?.pagesDone ?? 0;
  let totalPages = options.resumeFrom?.totalPages ?? 1;

  while (pagesDone < totalPages) {
    if (signal.aborted) throw new ExportAbortedError();
    let page: PageOfRows<Row>;
    try {
      page = await fetchPage(pagesDone + 1, signal);
    } catch (error) {
      if (signal.aborted) throw new ExportAbortedError();
      // The person's per-minute budget of CRM requests is used up: wait as the server says, then read the same page.
      if (error instanceof ApiRequestError && error.code === "rate_limited" && error.retryAfterSeconds !== null) {
        await abortableDelay(error.retryAfterSeconds * 1000, signal);
        continue;
      }
      throw new ExportPageError({ rows, pagesDone, totalPages }, error);
    }
    if (signal.aborted) throw new ExportAbortedError();
    for (const row of page.rows) {
      const id = getRowId(row);
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push(row);
    }
    pagesDone += 1;
    // An empty page means the list ended early (records deleted meanwhile): stop there.
    totalPages = page.rows.length === 0 ? pagesDone : Math.max(page.totalPages, pagesDone);
    onProgress?.({ rows, pagesDone, totalPages });
  }
  return rows;
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
