import { describe, expect, it } from "vitest";
import type { LighthouseRow } from "../../bench/lighthouse";
import { lighthouseSection, lighthouseTargets, type LighthouseResult } from "../../bench/lighthouse-report";

function row(name: string, preset: "desktop" | "mobile", scores: Partial<LighthouseRow> = {}): LighthouseRow {
  return {
    name,
    variant: "",
    preset,
    performance: 0.99,
    accessibility: 1,
    bestPractices: 1,
    lcpMs: 900,
    tbtMs: 20,
    cls: 0,
    lcpElement: "h1",
    lost: [],
    warnings: [],
    benchmarkIndex: 1500,
    error: null,
    ...scores,
  };
}

const PAGES = ["home (overview)", "/customers", "/lookup", "/jobs/board", "a customer page"];

function result(overrides: (row: LighthouseRow) => Partial<LighthouseRow> = () => ({})): LighthouseResult {
  const rows = (["desktop", "mobile"] as const).flatMap((preset) => PAGES.map((name) => row(name, preset)));
  return { version: "12.2.3", chromium: "Chrome/131.0", rows: rows.map((entry) => ({ ...entry, ...overrides(entry) })) };
}

describe("the Lighthouse part of the report", () => {
  it("meets every target when every page scores full marks and does not move", () => {
    const rows = lighthouseTargets(result());
    expect(rows).toHaveLength(6);
    expect(rows.every((entry) => entry.met)).toBe(true);
    expect(rows.map((entry) => entry.cause)).toEqual(["", "", "", "", "", ""]);
  });

  it("holds the board to 0.80 on a phone and the other pages to 0.90", () => {
    const rows = lighthouseTargets(result((entry) => (entry.preset === "mobile" ? { performance: entry.name === "/jobs/board" ? 0.82 : 0.88 } : {})));
    const [desktop, mobile, board] = rows;
    expect(desktop?.met).toBe(true);
    expect(mobile?.met).toBe(false);
    expect(mobile?.cause).toContain("home (overview), mobile: LCP 900.0 ms on `h1`, TBT 20.0 ms, CLS 0.000");
    // A customer page has no mobile target of its own.
    expect(mobile?.measured).not.toContain("a customer page");
    expect(board?.met).toBe(true);
  });

  it("names the variant, the shift and the audits that cost points", () => {
    const rows = lighthouseTargets(
      result((entry) =>
        entry.name === "home (overview)" && entry.preset === "mobile"
          ? {
              variant: "without tz",
              cls: 0.46,
              bestPractices: 0.96,
              lost: [{ id: "errors-in-console", title: "Browser errors were logged to the console", score: 0 }],
            }
          : {},
      ),
    );
    const clsRow = rows.find((entry) => entry.target.includes("CLS"));
    expect(clsRow?.met).toBe(false);
    expect(clsRow?.measured).toContain("home (overview) (without tz), mobile 0.460");
    const practices = rows.find((entry) => entry.target.includes("best practices"));
    expect(practices?.cause).toBe("home (overview) (without tz), mobile: Browser errors were logged to the console (`errors-in-console`)");
  });

  it("counts a page Lighthouse could not measure as a miss, saying why", () => {
    const rows = lighthouseTargets(
      result((entry) => (entry.name === "/lookup" ? { performance: null, error: "NO_FCP: The page did not paint any content" } : {})),
    );
    expect(rows[0]?.met).toBe(false);
    expect(rows[0]?.cause).toContain("/lookup, desktop: Lighthouse failed: NO_FCP");
  });

  it("renders one table row per page and preset, then what cost points", () => {
    const section = lighthouseSection(
      result((entry) =>
        entry.name === "/jobs/board" && entry.preset === "mobile"
          ? { lost: [{ id: "bootup-time", title: "Reduce JavaScript execution time", score: 0.4 }] }
          : {},
      ),
      "Load average: 1.00",
    );
    expect(section).toContain("## 8. Lighthouse");
    expect(section).toContain("Lighthouse 12.2.3");
    expect(section.match(/^\| .+ \| (desktop|mobile) \|/gm)).toHaveLength(10);
    expect(section).toContain("- /jobs/board, mobile: Reduce JavaScript execution time (`bootup-time`, 0.40)");
    expect(section).toContain("Load average: 1.00");
  });
});
