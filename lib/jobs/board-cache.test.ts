import { describe, expect, it } from "vitest";
import { columnTotal, loadedEstimate, loadedJobs, withJob, withoutJob, withReplacedJob, type BoardColumnData } from "@/lib/jobs/board-cache";
import type { JobListItem } from "@/lib/jobs/job-types";

function job(uuid: string, createdAt: string, extra: Partial<JobListItem> = {}): JobListItem {
  return { uuid, created_at: createdAt, title: uuid, status: "New", estimated_amount: null, ...extra } as JobListItem;
}

function column(pages: JobListItem[][], total: number): BoardColumnData {
  return {
    pageParams: pages.map((_, index) => index + 1),
    pages: pages.map((jobs, index) => ({ jobs, pagination: { page: index + 1, limit: 2, total, total_pages: Math.ceil(total / 2) } })),
  };
}

const a = job("a", "2026-03-05T10:00:00.000Z");
const b = job("b", "2026-03-04T10:00:00.000Z");
const c = job("c", "2026-03-03T10:00:00.000Z");
const d = job("d", "2026-03-02T10:00:00.000Z");

describe("board column edits", () => {
  it("removes a card and lowers the true count", () => {
    const next = withoutJob(column([[a, b], [c]], 3), "b");
    expect(loadedJobs(next).map((item) => item.uuid)).toEqual(["a", "c"]);
    expect(columnTotal(next)).toBe(2);
  });

  it("leaves the column alone when the card isn't in it", () => {
    const before = column([[a]], 1);
    expect(withoutJob(before, "zzz")).toBe(before);
  });

  it("inserts a card where the CRM would list it (newest first) and raises the count", () => {
    const next = withJob(column([[a, c]], 2), b);
    expect(loadedJobs(next).map((item) => item.uuid)).toEqual(["a", "b", "c"]);
    expect(columnTotal(next)).toBe(3);
  });

  it("keeps an older card in sight at the end of what is loaded", () => {
    const next = withJob(column([[a, b]], 9), d);
    expect(loadedJobs(next).map((item) => item.uuid)).toEqual(["a", "b", "d"]);
  });

  it("breaks created_at ties by uuid, descending", () => {
    const x = job("x", "2026-03-05T10:00:00.000Z");
    expect(loadedJobs(withJob(column([[a]], 1), x)).map((item) => item.uuid)).toEqual(["x", "a"]);
  });

  it("replaces rather than duplicates a card it already holds", () => {
    const next = withJob(column([[a, b]], 2), { ...b, title: "renamed" });
    expect(loadedJobs(next).map((item) => item.title)).toEqual(["a", "renamed"]);
    expect(columnTotal(next)).toBe(2);
    expect(loadedJobs(withReplacedJob(next, { ...a, title: "new a" }))[0]?.title).toBe("new a");
  });

  it("shows overlapping pages' cards once", () => {
    expect(
      loadedJobs(
        column(
          [
            [a, b],
            [b, c],
          ],
          3,
        ),
      ).map((item) => item.uuid),
    ).toEqual(["a", "b", "c"]);
  });

  it("adds estimates to the cent", () => {
    expect(loadedEstimate([job("p", "", { estimated_amount: 0.1 }), job("q", "", { estimated_amount: 0.2 }), job("r", "")])).toBe(0.3);
  });
});
