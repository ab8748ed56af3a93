"use client";

import { LocalMoment } from "@/components/time/local-moment";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import type { AuditRow } from "@/lib/audit/audit-types";
import { useJobHistory } from "@/lib/jobs/queries/get-job-history";
import { jobFieldLabel } from "@/lib/jobs/job-field-labels";

/**
 * Every change made to this job through Tradesdesk (the audit log), newest
 * first. Ids in changes are shown as names where the page knows them.
 */
export function JobHistory({ uuid, describeValue }: { uuid: string; describeValue: (field: string, value: unknown) => string }) {
  const history = useJobHistory(uuid);
  return (
    <section aria-labelledby="job-history" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="job-history" className="font-medium">
        History
      </h2>
      <p className="mt-0.5 text-xs text-slate-600">Changes made through Tradesdesk. Changes made directly in the CRM are not listed.</p>
      {history.isPending ? (
        <p className="mt-3 text-sm text-slate-600">Loading history…</p>
      ) : history.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {history.error.message}
        </p>
      ) : history.data.rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {history.data.rows.map((row) => (
            <HistoryEntry key={row.id} row={row} describeValue={describeValue} />
          ))}
        </ol>
      )}
      {history.data?.hasMore && <p className="mt-3 text-xs text-slate-600">Older entries are in the audit log.</p>}
    </section>
  );
}

function HistoryEntry({ row, describeValue }: { row: AuditRow; describeValue: (field: string, value: unknown) => string }) {
  const changes = Object.entries(row.changes ?? {});
  return (
    <li className="border-l-2 border-slate-200 pl-3 text-sm">
      <p>
        <span className="font-medium">{auditActionLabel(row.action)}</span> by {row.actorEmail}
        {row.outcome !== "accepted" && (
          <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-800">{row.outcome === "rejected" ? "not saved" : row.outcome}</span>
        )}
      </p>
      <p className="text-xs text-slate-600">
        <LocalMoment iso={row.occurredAt} />
      </p>
      {row.action === "update" && changes.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-slate-700">
          {changes.map(([field, change]) => (
            <li key={field}>
              {jobFieldLabel(field)}: {describeChange(field, change, describeValue)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function describeChange(field: string, change: unknown, describeValue: (field: string, value: unknown) => string): string {
  if (typeof change !== "object" || change === null) return "changed";
  const { from, to } = change as { from?: unknown; to?: unknown };
  return "from" in change ? `${describeValue(field, from)} → ${describeValue(field, to)}` : describeValue(field, to);
}
