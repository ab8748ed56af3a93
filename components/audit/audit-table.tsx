import type { AuditRow } from "@/lib/audit/audit-types";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import { formatInZone } from "@/lib/time/moment-format";

/** Rendered on the server only: times in the viewer's zone, which the page reads from the `tz` cookie. */
export function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const time = (iso: string) => formatInZone(iso, timeZone, "dateTimeSeconds");
  if (rows.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No entries match these filters.</p>;
  }
  return (
    // Focusable, as a named region: long entries make it scroll sideways, and keyboard users must reach that too.
    <div
      role="region"
      aria-label="Audit log entries"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="w-full min-w-[48rem] text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Record
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Changes
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
              <td className="whitespace-nowrap px-4 py-2">
                <time dateTime={row.occurredAt}>{time(row.occurredAt)}</time>
              </td>
              <td className="px-4 py-2">{row.actorEmail}</td>
              <td className="px-4 py-2">{auditActionLabel(row.action)}</td>
              <td className="px-4 py-2">
                {row.resource}
                {row.resourceId && <span className="block font-mono text-xs text-slate-600">{row.resourceId}</span>}
              </td>
              <td className="px-4 py-2">
                <ChangeList changes={row.changes} />
              </td>
              <td className="px-4 py-2">
                <span className={row.outcome === "accepted" ? "text-emerald-800" : "text-red-800"}>{row.outcome}</span>
                {row.repeatCount > 1 && (
                  <span className="block text-xs text-slate-600">
                    {row.repeatCount} attempts this hour
                    {row.lastOccurredAt && (
                      <>
                        , last at <time dateTime={row.lastOccurredAt}>{time(row.lastOccurredAt)}</time>
                      </>
                    )}
                  </span>
                )}
                {row.detail && <span className="block text-xs text-slate-600">{row.detail}</span>}
                {row.requestId && <span className="block font-mono text-xs text-slate-500">req {row.requestId.slice(0, 8)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeList({ changes }: { changes: Record<string, unknown> | null }) {
  if (!changes || Object.keys(changes).length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {Object.entries(changes).map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{field}</span>: {describeChange(change)}
        </li>
      ))}
    </ul>
  );
}

function describeChange(change: unknown): string {
  if (change === "changed") return "changed";
  if (typeof change !== "object" || change === null) return String(change);
  const { from, to } = change as { from?: unknown; to?: unknown };
  const show = (value: unknown) =>
    value === null || value === undefined || value === "" ? "(empty)" : typeof value === "string" ? value : JSON.stringify(value);
  return "from" in change ? `${show(from)} → ${show(to)}` : show(to);
}
