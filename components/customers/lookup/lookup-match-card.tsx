import { formatAsOf } from "@/components/mirror/mirror-freshness";
import { Badge } from "@/components/ui/badge";
import type { LookupMatch } from "@/lib/customers/queries/lookup-callers";
import { customerName, formatAddress, formatCalendarDate, physicalAddress } from "@/lib/customers/customer-format";

/** One line for screen readers: who it is and how to tell them apart, without the full card. */
export function lookupMatchSummary(match: LookupMatch): string {
  const openJobs = match.open_jobs === null ? null : `${match.open_jobs.total} open job${match.open_jobs.total === 1 ? "" : "s"}`;
  return [customerName(match), match.is_vip ? "VIP" : null, match.company_name, match.phone, match.email, formatAddress(physicalAddress(match)), openJobs]
    .filter(Boolean)
    .join(", ");
}

/**
 * A caller lookup match: enough to tell two "J. Lee"s apart on the phone
 * (company, phone, email, address) and what is already going on for them
 * (open jobs), so the office doesn't book a second visit for the same leak.
 */
export function LookupMatchCard({ match, timeZone }: { match: LookupMatch; timeZone: string }) {
  const address = formatAddress(physicalAddress(match));
  const jobs = match.open_jobs;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="min-w-0 space-y-0.5">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-lg font-semibold text-slate-900">{customerName(match)}</span>
          {match.is_vip && <Badge tone="vip">VIP</Badge>}
          <span className="text-xs text-slate-600">{match.customer_type}</span>
        </p>
        {match.company_name && <p className="text-sm text-slate-700">{match.company_name}</p>}
        <p className="text-sm text-slate-800">
          {match.phone ?? <span className="text-slate-500">No phone</span>}
          <span className="mx-2 text-slate-400" aria-hidden="true">
            ·
          </span>
          <span className="break-all">{match.email ?? <span className="text-slate-500">No email</span>}</span>
        </p>
        <p className="text-sm text-slate-700">{address ?? <span className="text-slate-500">No address on file</span>}</p>
      </div>
      <div className="min-w-0 text-sm">
        {jobs === null ? (
          <p className="text-slate-600">Open the customer to see their jobs.</p>
        ) : jobs.total === 0 ? (
          <p className="text-slate-600">No open jobs.{jobs.as_of ? <OpenJobsAge asOf={jobs.as_of} timeZone={timeZone} /> : null}</p>
        ) : (
          <>
            <p className="font-medium text-slate-800">
              {jobs.total} open job{jobs.total === 1 ? "" : "s"}
            </p>
            <ul className="mt-1 space-y-0.5">
              {jobs.items.map((job) => (
                <li key={job.uuid} className="text-slate-700">
                  <span className="font-mono text-xs">{job.job_number}</span> {job.title}{" "}
                  <span className="text-slate-600">
                    ({job.status}
                    {job.scheduled_date ? `, ${formatCalendarDate(job.scheduled_date)}` : ""})
                  </span>
                </li>
              ))}
              {jobs.total > jobs.items.length && <li className="text-slate-600">and {jobs.total - jobs.items.length} more</li>}
            </ul>
            {jobs.as_of ? (
              <p className="mt-1 text-xs text-slate-600">
                <OpenJobsAge asOf={jobs.as_of} timeZone={timeZone} />
              </p>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

/**
 * Open jobs from the mirror (ADR-018): those created or changed through
 * Tradesdesk are current; changes made in the CRM's own app show once sync
 * has looked, so the card says when that was.
 */
function OpenJobsAge({ asOf, timeZone }: { asOf: string; timeZone: string }) {
  return (
    <span className="block text-xs text-slate-600">
      Open jobs from Tradesdesk&apos;s copy of the CRM, as of <time dateTime={asOf}>{formatAsOf(asOf, timeZone)}</time>.
    </span>
  );
}
