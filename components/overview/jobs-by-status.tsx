import Link from "next/link";
import { jobsHref } from "@/lib/jobs/job-list-url";
import type { Overview } from "@/lib/overview/overview-types";

const numberFormat = new Intl.NumberFormat("en-US");

export function JobsByStatus({ entries, total, deleted }: { entries: Overview["jobsByStatus"]; total: number; deleted: number }) {
  const largest = Math.max(1, ...entries.map((entry) => entry.count));
  return (
    <section aria-labelledby="jobs-by-status" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="jobs-by-status" className="font-medium">
        Jobs by status{" "}
        <span className="text-sm font-normal text-slate-600">
          (<span data-testid="jobs-total">{numberFormat.format(total)}</span> active, <span data-testid="jobs-deleted">{numberFormat.format(deleted)}</span>{" "}
          deleted)
        </span>
      </h2>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Number of active jobs in each status, in workflow order</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Jobs</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.status} className="align-middle">
              <th scope="row" className="w-40 py-1 pr-3 text-left font-normal text-slate-700">
                {/* Into the job table, filtered by this status (the board shows every status at once). */}
                <Link href={jobsHref("/jobs", { status: entry.status })} className="text-brand-700 hover:underline">
                  {entry.status}
                </Link>
              </th>
              <td className="py-1">
                <div className="flex items-center gap-2">
                  <div className="h-2.5 flex-1 rounded bg-slate-100" aria-hidden="true">
                    <div className="h-2.5 rounded bg-brand-600" style={{ width: `${(entry.count / largest) * 100}%` }} />
                  </div>
                  <span className="w-14 text-right tabular-nums">{numberFormat.format(entry.count)}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
