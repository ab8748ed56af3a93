import { formatMoneyRounded } from "@/lib/jobs/job-format";
import { formatHours, totalsOf, type Lane } from "@/lib/schedule/schedule-layout";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

/** "2.5 h booked · $650 estimated" */
export function totalsText(jobs: readonly ScheduleJob[]): string {
  const { minutes, amount } = totalsOf(jobs);
  return `${formatHours(minutes)} booked · ${formatMoneyRounded(amount)} estimated`;
}

/** A lane's name and what its jobs add up to over the period shown. */
export function LaneHeader({ lane, jobs, period }: { lane: Lane; jobs: readonly ScheduleJob[]; period: string }) {
  return (
    <th scope="row" className="border border-slate-200 bg-slate-50 p-2 text-left align-top font-normal">
      <span className="block font-medium text-slate-900">{lane.name}</span>
      <span className="block text-xs text-slate-600">
        <span className="sr-only">{period}: </span>
        {totalsText(jobs)}
      </span>
    </th>
  );
}

/** A day cell's own totals, over its jobs. */
export function DayTotals({ jobs }: { jobs: readonly ScheduleJob[] }) {
  if (jobs.length === 0) return null;
  return <p className="mb-1 text-[11px] text-slate-600">{totalsText(jobs)}</p>;
}
