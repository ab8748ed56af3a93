import { count, ms, seconds } from "./format";
import { markdownTable } from "./markdown";
import type { TargetRow } from "./report";
import type { WeekViewResult } from "./week-view";

export type { WeekViewResult };

/** The week view's targets: LCP under 1 s locally, and no CRM request (the mirror answers it). */
export const WEEK_LCP_TARGET_MS = 1_000;

export function weekTargets(week: WeekViewResult): TargetRow[] {
  const lcpMet = week.lcp < WEEK_LCP_TARGET_MS;
  const elements = [...new Set(week.loads.map((load) => load.lcpElement).filter(Boolean))].join("; ");
  const ttfbs = week.loads.flatMap((load) => (load.ttfb === null ? [] : [Math.round(load.ttfb)]));
  return [
    {
      target: `The week view with ${week.technicians} technicians and ${count(week.jobs)} jobs: LCP under ${seconds(WEEK_LCP_TARGET_MS)} locally`,
      measured: `${ms(week.lcp)} ms (median of ${week.loads.length} loads); the first job card on screen at ${ms(week.firstCard)} ms`,
      met: lcpMet,
      cause: lcpMet
        ? ""
        : `The largest paint was ${elements || "not named by the browser"}; the server took ${ttfbs.join(", ")} ms to start answering the page (time to first byte), which renders the week on the server from the mirror. The load average while measuring is in part 6.`,
    },
    {
      target: "The week view costs zero CRM requests (answered from the mirror)",
      measured: `${week.crmRequests} over ${week.loads.length + 1} loads`,
      met: week.crmRequests === 0,
      cause:
        week.crmRequests === 0
          ? ""
          : "Some read of the page went to the CRM: the locations or technicians, or the mirror not answering (had the full pass finished?).",
    },
  ];
}

export function weekViewSection(week: WeekViewResult, loadLine: string): string {
  return `## 6. The schedule's week view

\`${week.url}\`: ${count(week.jobs)} jobs between ${week.technicians} technicians, Monday to Friday of one week
no other bench data reaches, made through the sandbox's API (${seconds(week.createMs)}), then taken into the
mirror by one full pass (Sync now: ${count(week.pass.requests)} CRM requests in ${seconds(week.pass.ms)}). The week is opened
once to warm the server, then ${week.loads.length} times, each in a fresh browser context (empty cache, signed in,
${"1280×800"}); LCP from the browser's own entries. The page's heading is sent ahead of the lanes,
so "first job card" says when the week itself was on screen (the frame after the first card entered the page). CRM requests are the sandbox's count across all
the loads, warm-up included. The last load showed ${count(week.jobsShown)} links to jobs.

${loadLine}

${markdownTable(
  [
    { header: "load", cell: (row: { index: number }) => String(row.index + 1) },
    { header: "LCP", align: "right", cell: (row) => (week.loads[row.index]?.lcp == null ? "n/a" : `${ms(week.loads[row.index]?.lcp ?? Number.NaN)} ms`) },
    { header: "TTFB", align: "right", cell: (row) => (week.loads[row.index]?.ttfb == null ? "n/a" : `${ms(week.loads[row.index]?.ttfb ?? Number.NaN)} ms`) },
    {
      header: "first job card",
      align: "right",
      cell: (row) => (week.loads[row.index]?.firstCard == null ? "n/a" : `${ms(week.loads[row.index]?.firstCard ?? Number.NaN)} ms`),
    },
    {
      header: "HTML",
      align: "right",
      cell: (row) => (week.loads[row.index]?.htmlBytes == null ? "n/a" : `${((week.loads[row.index]?.htmlBytes ?? 0) / 1024).toFixed(0)} KB`),
    },
    { header: "largest element", cell: (row) => week.loads[row.index]?.lcpElement ?? "n/a" },
    { header: "network quiet", align: "center", cell: (row) => (week.loads[row.index]?.quiet ? "yes" : "no") },
  ],
  week.loads.map((_, index) => ({ index })),
)}

Median LCP ${ms(week.lcp)} ms; first job card ${ms(week.firstCard)} ms; ${week.crmRequests} CRM requests.`;
}
