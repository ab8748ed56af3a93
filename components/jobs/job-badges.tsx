import type { JobListItem } from "@/lib/jobs/job-types";

const PRIORITY_STYLES: Record<string, string> = {
  Low: "bg-slate-100 text-slate-700",
  Normal: "bg-sky-50 text-sky-800",
  High: "bg-amber-100 text-amber-900",
  Emergency: "bg-red-100 text-red-800",
};

/** Priority in words (colour only repeats it, so nothing depends on seeing colour). */
export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${PRIORITY_STYLES[priority] ?? PRIORITY_STYLES.Normal}`}>
      {priority}
      <span className="sr-only"> priority</span>
    </span>
  );
}

/** The urgent and emergency flags, which the CRM keeps apart from the priority. */
export function JobFlags({ job }: { job: Pick<JobListItem, "is_urgent" | "is_emergency"> }) {
  if (!job.is_urgent && !job.is_emergency) return null;
  return (
    <>
      {job.is_emergency && (
        <span className="inline-flex items-center gap-1 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">
          <span aria-hidden="true">⚠</span>Emergency
        </span>
      )}
      {job.is_urgent && (
        <span className="inline-flex items-center gap-1 rounded border border-orange-300 bg-orange-50 px-1.5 py-0.5 text-xs font-semibold text-orange-900">
          <span aria-hidden="true">!</span>Urgent
        </span>
      )}
    </>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className="inline-flex items-center rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-900">{status}</span>;
}

export function DeletedBadge() {
  return <span className="inline-flex items-center rounded bg-slate-700 px-1.5 py-0.5 text-xs font-medium text-white">Deleted</span>;
}
