"use client";

import { LocalMoment } from "@/components/time/local-moment";
import { TableMessage } from "@/components/data-table/table-message";
import { secondaryButtonClassName } from "@/components/ui/field";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import { useCustomerHistory } from "@/lib/customers/queries/get-customer-history";
import { customerFieldLabel } from "@/lib/customers/customer-field-labels";
import { historyChanges } from "@/lib/customers/history-changes";

/**
 * The record's history from the dashboard's audit log: who did what, when,
 * and field by field what changed. Changes made outside the dashboard (other
 * integrations, the CRM itself) are not in this log, and the list says so.
 */
export function CustomerHistory({ uuid }: { uuid: string }) {
  const history = useCustomerHistory(uuid);
  const rows = history.data?.pages.flatMap((page) => page.rows) ?? [];

  return (
    <section aria-labelledby="customer-history" className="space-y-3">
      <div>
        <h2 id="customer-history" className="text-lg font-semibold">
          History
        </h2>
        <p className="text-sm text-slate-600">Changes made through Tradesdesk, newest first.</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white">
        {history.isPending && (
          <div aria-busy="true" className="space-y-3 p-4">
            <p className="sr-only" role="status">
              Loading the history…
            </p>
            {[0, 1, 2].map((index) => (
              <div key={index} className="h-4 w-2/3 animate-pulse rounded bg-slate-200" />
            ))}
          </div>
        )}
        {history.isError && (
          <TableMessage title="The history could not be loaded." tone="error" action={{ label: "Retry", onClick: () => void history.refetch() }}>
            {history.error.message}
          </TableMessage>
        )}
        {history.isSuccess && rows.length === 0 && <TableMessage title="No changes recorded in Tradesdesk yet." />}
        {rows.length > 0 && (
          <ol className="divide-y divide-slate-100">
            {rows.map((row) => {
              const changes = historyChanges(row);
              return (
                <li key={row.id} className="p-4 text-sm">
                  <p>
                    <span className="font-medium">{auditActionLabel(row.action)}</span> by {row.actorEmail}{" "}
                    <span className="text-slate-600">
                      · <LocalMoment iso={row.occurredAt} />
                    </span>
                    {row.outcome !== "accepted" && (
                      <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800">not saved{row.detail ? `: ${row.detail}` : ""}</span>
                    )}
                  </p>
                  {changes.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-slate-700">
                      {changes.map((change) => (
                        <li key={change.field} className="break-words">
                          <span className="font-medium">{customerFieldLabel(change.field)}</span>:{" "}
                          {change.from === null ? change.to : `${change.from} → ${change.to}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {history.hasNextPage && (
        <button type="button" className={secondaryButtonClassName} disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {history.isFetchingNextPage ? "Loading…" : "Show older changes"}
        </button>
      )}
    </section>
  );
}
