import { ms } from "./format";
import type { LighthousePreset, LighthouseResult, LighthouseRow } from "./lighthouse";
import { markdownTable } from "./markdown";
import type { TargetRow } from "./report";

export type { LighthouseResult };

/** The pages part 8 measures, by the names the report gives them. */
export const BOARD_PAGE = "/jobs/board";
const MOBILE_PERFORMANCE_PAGES = ["home (overview)", "/customers", "/lookup"];

/** The issue's targets: scores are Lighthouse's 0–1; CLS is zero when it rounds to 0.000, as Lighthouse shows it. */
export const LIGHTHOUSE_TARGETS = {
  desktopPerformance: 0.95,
  mobilePerformance: 0.9,
  mobileBoardPerformance: 0.8,
  bestPractices: 1,
  accessibility: 1,
  clsBelow: 0.0005,
} as const;

const label = (row: LighthouseRow) => `${row.name}${row.variant ? ` (${row.variant})` : ""}`;
const score = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
const cls = (value: number | null) => (value === null ? "n/a" : value.toFixed(3));

/** What cost a row its points: failed audits, then the largest paint, then Lighthouse's own warnings. */
function causeOf(row: LighthouseRow, focus: "performance" | "other"): string {
  if (row.error) return `Lighthouse failed: ${row.error}`;
  const audits = row.lost.map((audit) => `${audit.title} (\`${audit.id}\`)`);
  const parts =
    focus === "performance"
      ? [
          `LCP ${ms(row.lcpMs ?? Number.NaN)} ms${row.lcpElement ? ` on \`${row.lcpElement}\`` : ""}, TBT ${ms(row.tbtMs ?? Number.NaN)} ms, CLS ${cls(row.cls)}`,
          ...audits,
        ]
      : audits;
  if (row.benchmarkIndex !== null && row.benchmarkIndex < 1000) parts.push(`benchmark index ${Math.round(row.benchmarkIndex)} (a slow or busy CPU)`);
  return parts.join("; ");
}

/** One target over many rows: met when every row meets it; else the rows that miss, what they measured and why. */
function targetOver(
  target: string,
  rows: LighthouseRow[],
  measure: (row: LighthouseRow) => number | null,
  meets: (value: number) => boolean,
  shown: (value: number | null) => string,
  focus: "performance" | "other",
): TargetRow {
  const presets = new Set(rows.map((row) => row.preset));
  const misses = rows.filter((row) => {
    const value = measure(row);
    return value === null || !meets(value);
  });
  return {
    target,
    measured: rows.map((row) => `${label(row)}${presets.size > 1 ? `, ${row.preset}` : ""} ${shown(measure(row))}`).join("; "),
    met: rows.length > 0 && misses.length === 0,
    cause: misses.map((row) => `${label(row)}, ${row.preset}: ${causeOf(row, focus) || "no audit below full marks named"}`).join(" · "),
  };
}

export function lighthouseTargets(result: LighthouseResult): TargetRow[] {
  const of = (preset: LighthousePreset) => result.rows.filter((row) => row.preset === preset);
  const mobile = of("mobile");
  const T = LIGHTHOUSE_TARGETS;
  return [
    targetOver(
      `Lighthouse desktop performance ≥ ${T.desktopPerformance} on every page`,
      of("desktop"),
      (row) => row.performance,
      (value) => value >= T.desktopPerformance,
      score,
      "performance",
    ),
    targetOver(
      `Lighthouse mobile performance ≥ ${T.mobilePerformance} on the overview, /customers and /lookup`,
      mobile.filter((row) => MOBILE_PERFORMANCE_PAGES.includes(row.name)),
      (row) => row.performance,
      (value) => value >= T.mobilePerformance,
      score,
      "performance",
    ),
    targetOver(
      `Lighthouse mobile performance ≥ ${T.mobileBoardPerformance} on ${BOARD_PAGE}`,
      mobile.filter((row) => row.name === BOARD_PAGE),
      (row) => row.performance,
      (value) => value >= T.mobileBoardPerformance,
      score,
      "performance",
    ),
    targetOver(
      "Lighthouse CLS 0 on every page, with and without the tz cookie",
      result.rows,
      (row) => row.cls,
      (value) => value < T.clsBelow,
      cls,
      "performance",
    ),
    targetOver(
      "Lighthouse best practices 1.00 on every page",
      result.rows,
      (row) => row.bestPractices,
      (value) => value >= T.bestPractices,
      score,
      "other",
    ),
    targetOver(
      "Lighthouse accessibility 1.00 on every page",
      result.rows,
      (row) => row.accessibility,
      (value) => value >= T.accessibility,
      score,
      "other",
    ),
  ];
}

export function lighthouseSection(result: LighthouseResult, loadLine: string): string {
  const table = markdownTable(
    [
      { header: "page", cell: (row: LighthouseRow) => label(row) },
      { header: "preset", cell: (row) => row.preset },
      { header: "performance", align: "right", cell: (row) => score(row.performance) },
      { header: "accessibility", align: "right", cell: (row) => score(row.accessibility) },
      { header: "best practices", align: "right", cell: (row) => score(row.bestPractices) },
      { header: "LCP", align: "right", cell: (row) => (row.lcpMs === null ? "n/a" : `${ms(row.lcpMs)} ms`) },
      { header: "TBT", align: "right", cell: (row) => (row.tbtMs === null ? "n/a" : `${ms(row.tbtMs)} ms`) },
      { header: "CLS", align: "right", cell: (row) => cls(row.cls) },
    ],
    result.rows,
  );
  const notes = result.rows
    .filter((row) => row.error || row.lost.length > 0 || row.warnings.length > 0)
    .map((row) => {
      const parts = [
        ...(row.error ? [`failed: ${row.error}`] : []),
        ...row.lost.map((audit) => `${audit.title} (\`${audit.id}\`, ${audit.score.toFixed(2)})`),
        ...row.warnings.map((warning) => `warning: ${warning}`),
      ];
      return `- ${label(row)}, ${row.preset}: ${parts.join("; ")}`;
    });
  const indexes = result.rows.flatMap((row) => (row.benchmarkIndex === null ? [] : [Math.round(row.benchmarkIndex)]));
  return `## 8. Lighthouse

Lighthouse ${result.version || "(no run finished)"} in ${result.chromium || "Chromium"} (Debian's, headless, launched by
chrome-launcher), its desktop and mobile presets (mobile: a mid-range phone, 4× CPU slowdown and a slow 4G
link, simulated), categories performance, accessibility and best practices; a fresh browser per run, signed in
by the session cookie put in its cookie jar before the page loads; the overview twice, with the \`tz\` cookie of the browser's zone
and without it (a browser that kept its session but not its zone). The mirror is filled by one full pass first,
so the overview's lists and counts are those of the sandbox. Lighthouse's benchmark index of this machine:
${indexes.length ? `${Math.min(...indexes)}–${Math.max(...indexes)}` : "n/a"} (a fast desktop is about 2,000; below 1,000 the throttled mobile figures are pessimistic).

${loadLine}

${table}

${notes.length ? `What cost points (audits below full marks, performance opportunities over 100 ms, Lighthouse's warnings):\n\n${notes.join("\n")}` : "No audit below full marks."}`;
}
