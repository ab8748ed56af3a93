import { describe, expect, it, vi } from "vitest";
import { ExportAbortedError, ExportPageError, fetchAllPages, type PageOfRows } from "@/lib/csv/fetch-all-pages";
import { ApiRequestError } from "@/lib/http/api-fetch";

type Row = { id: string };
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));
const getRowId = (row: Row) => row.id;

function pages(...list: PageOfRows<Row>[]) {
  return vi.fn(async (page: number) => {
    const result = list[page - 1];
    if (!result) throw new Error(`no page ${page}`);
    return result;
  });
}

describe("fetchAllPages", () => {
  it("reads page after page until the last, reporting progress", async () => {
    const fetchPage = pages({ rows: rows("a", "b"), totalPages: 3 }, { rows: rows("c", "d"), totalPages: 3 }, { rows: rows("e"), totalPages: 3 });
    const progress: number[] = [];
    const result = await fetchAllPages({ fetchPage, getRowId, signal: new AbortController().signal, onProgress: (p) => progress.push(p.pagesDone) });
    expect(result.map(getRowId)).toEqual(["a", "b", "c", "d", "e"]);
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 3]);
    expect(progress).toEqual([1, 2, 3]);
  });

  it("waits out the person's per-minute budget (429 rate_limited, Retry-After) and reads the same page again", async () => {
    let refused = false;
    const fetchPage = vi.fn(async (page: number): Promise<PageOfRows<Row>> => {
      if (page === 2 && !refused) {
        refused = true;
        throw new ApiRequestError(429, "rate_limited", "Too many CRM requests. Try again in 1 second.", {}, "req-1", undefined, 1);
      }
      return { rows: rows(`r${page}`), totalPages: 3 };
    });
    const started = Date.now();
    const result = await fetchAllPages({ fetchPage, getRowId, signal: new AbortController().signal });
    expect(result.map(getRowId)).toEqual(["r1", "r2", "r3"]);
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 2, 3]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("keeps a row once when a new record pushed it onto the next page", async () => {
    const fetchPage = pages({ rows: rows("a", "b"), totalPages: 2 }, { rows: rows("b", "c"), totalPages: 2 });
    const result = await fetchAllPages({ fetchPage, getRowId, signal: new AbortController().signal });
    expect(result.map(getRowId)).toEqual(["a", "b", "c"]);
  });

  it("follows a page count that grows and stops at an empty page", async () => {
    const grows = pages({ rows: rows("a"), totalPages: 1 });
    expect((await fetchAllPages({ fetchPage: grows, getRowId, signal: new AbortController().signal })).length).toBe(1);
    const shrinks = pages({ rows: rows("a"), totalPages: 3 }, { rows: [], totalPages: 3 });
    const result = await fetchAllPages({ fetchPage: shrinks, getRowId, signal: new AbortController().signal });
    expect(result.map(getRowId)).toEqual(["a"]);
    expect(shrinks).toHaveBeenCalledTimes(2);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const fetchPage = vi.fn(async (page: number) => {
      if (page === 1) controller.abort();
      return { rows: rows(`r${page}`), totalPages: 5 };
    });
    await expect(fetchAllPages({ fetchPage, getRowId, signal: controller.signal })).rejects.toBeInstanceOf(ExportAbortedError);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it("fails with what it read so far, and resumes from there", async () => {
    let failOnce = true;
    const fetchPage = vi.fn(async (page: number) => {
      if (page === 2 && failOnce) {
        failOnce = false;
        throw new Error("CRM unavailable");
      }
      return { rows: rows(`r${page}`), totalPages: 3 };
    });
    const signal = new AbortController().signal;
    const failure = await fetchAllPages({ fetchPage, getRowId, signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportPageError);
    const { progress } = failure as ExportPageError<Row>;
    expect(progress).toMatchObject({ pagesDone: 1, totalPages: 3 });
    const result = await fetchAllPages({ fetchPage, getRowId, signal, resumeFrom: progress });
    expect(result.map(getRowId)).toEqual(["r1", "r2", "r3"]);
    expect(fetchPage.mock.calls.map(([page]) => page)).toEqual([1, 2, 2, 3]);
  });
});
