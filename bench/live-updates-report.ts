import { count, ms, seconds } from "./format";
import type { LiveUpdatesResult } from "./live-updates";
import { markdownTable } from "./markdown";
import type { TargetRow } from "./report";

export type { LiveUpdatesResult };

/** From a save in one browser to the change on screen in another: p95 under 1 s. */
export const LIVE_P95_TARGET_MS = 1_000;
/** Memory "flat" over the minute of open streams: the last sample within this of the first. */
export const LIVE_RSS_GROWTH_MB = 20;

const growth = (live: LiveUpdatesResult) => (live.streams.rssMb.at(-1) ?? Number.NaN) - (live.streams.rssMb[0] ?? Number.NaN);

export function liveTargets(live: LiveUpdatesResult): TargetRow[] {
  const p95Met = live.toScreen.p95 < LIVE_P95_TARGET_MS && live.missed === 0;
  const streamsMet = live.streams.errors === 0 && growth(live) <= LIVE_RSS_GROWTH_MB && live.streams.eventsReceivedMin === live.streams.eventsSent;
  return [
    {
      target: `From a save in one browser to the change on screen in another: p95 under ${seconds(LIVE_P95_TARGET_MS)}`,
      measured: `${ms(live.toScreen.p95)} ms p95 over ${live.toScreen.count} saves${live.missed ? `, ${live.missed} not shown within 15 s` : ""}`,
      met: p95Met,
      cause: p95Met
        ? ""
        : `The save itself took ${ms(live.saveAnswered.p95)} ms p95 (the CRM write); the rest is the event, the page's refetch and its render. The load average while measuring is in part 7.`,
    },
    {
      target: `${live.streams.count} open streams for ${live.streams.seconds} s: server memory flat, no errors`,
      measured: `RSS ${live.streams.rssMb[0]} → ${live.streams.rssMb.at(-1)} MB, ${live.streams.errors} errors, every stream ${live.streams.eventsReceivedMin === live.streams.eventsSent ? "received" : `received at least ${live.streams.eventsReceivedMin} of`} ${live.streams.eventsSent} events`,
      met: streamsMet,
      cause: streamsMet ? "" : `Memory grew by ${growth(live).toFixed(0)} MB (allowed ${LIVE_RSS_GROWTH_MB}), or streams ended or missed events: see part 7.`,
    },
  ];
}

export function liveSection(live: LiveUpdatesResult, loadLine: string): string {
  const row = (name: string, summary: LiveUpdatesResult["toScreen"]) => ({ name, summary });
  return `## 7. Live updates

Two browser contexts signed in; one has a job's page open, the other saves a new title for that job
${live.saves} times, one after another, through the dashboard's API from its own page (as the edit form does).
Timed from the moment each save is sent to the moment the first page's heading shows the new title
(a MutationObserver in that page stamps it; both browsers and the bench share one clock). Then
${live.streams.count} live streams (\`GET /api/events\`, read in Node) are held open for ${live.streams.seconds} s while a save
every 3 s sends an event down all of them; the dashboard server's resident memory is sampled every 5 s.

${loadLine}

${markdownTable(
  [
    { header: "measure", cell: (entry: ReturnType<typeof row>) => entry.name },
    { header: "p50", align: "right", cell: (entry) => `${ms(entry.summary.p50)} ms` },
    { header: "p95", align: "right", cell: (entry) => `${ms(entry.summary.p95)} ms` },
    { header: "max", align: "right", cell: (entry) => `${ms(entry.summary.max)} ms` },
  ],
  [row("save sent → change on the other screen", live.toScreen), row("save sent → save answered", live.saveAnswered)],
)}

${live.missed === 0 ? "Every change reached the other screen." : `${live.missed} changes did not reach the other screen within 15 s.`}

Open streams: server RSS (MB) every 5 s: ${live.streams.rssMb.join(", ")}. Events sent: ${count(live.streams.eventsSent)}; the
fewest any stream received: ${count(live.streams.eventsReceivedMin)}; streams that ended early or failed: ${live.streams.errors}.`;
}
