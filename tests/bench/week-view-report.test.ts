import { describe, expect, it } from "vitest";
import { weekTargets, weekViewSection, type WeekViewResult } from "../../bench/week-view-report";

function result(lcps: number[], crmRequests: number): WeekViewResult {
  return {
    url: "/schedule?view=week&date=2031-06-04",
    jobs: 1000,
    technicians: 30,
    createMs: 20_000,
    pass: { requests: 93, ms: 30_000, counts: { customers: 2000, jobs: 7000, locations: 3 }, fullPassRequests: 90, plans: [] },
    loads: lcps.map((lcp) => ({ lcp, lcpElement: 'p "Jobs by technician"', ttfb: 300, firstCard: lcp + 150, htmlBytes: 1_200_000, quiet: true })),
    lcp: [...lcps].sort((a, b) => a - b)[Math.floor(lcps.length / 2)] ?? Number.NaN,
    firstCard: ([...lcps].sort((a, b) => a - b)[Math.floor(lcps.length / 2)] ?? Number.NaN) + 150,
    crmRequests,
    jobsShown: 1000,
  };
}

describe("the week view's part of the report", () => {
  it("meets both targets with a fast page answered from the mirror", () => {
    const rows = weekTargets(result([620, 700, 680], 0));
    expect(rows.map((row) => row.met)).toEqual([true, true]);
    expect(rows[0]?.measured).toContain("median of 3 loads");
    expect(rows[0]?.measured).toContain("first job card on screen at 830");
  });

  it("says why when LCP is slow or the CRM was asked", () => {
    const rows = weekTargets(result([1800, 2100, 1900], 4));
    expect(rows.map((row) => row.met)).toEqual([false, false]);
    expect(rows[0]?.cause).toContain("time to first byte");
    expect(rows[1]?.measured).toBe("4 over 4 loads");
  });

  it("renders a row per load under its own heading", () => {
    const section = weekViewSection(result([620, 700], 0), "Load average: 1.00");
    expect(section).toContain("## 6. The schedule's week view");
    expect(section.match(/^\| \d \|/gm)).toHaveLength(2);
    expect(section).toContain("| first job card |");
    expect(section).toContain("| 1172 KB |");
    expect(section).toContain("first job card 850.0 ms");
    expect(section).toContain("Load average: 1.00");
  });
});
