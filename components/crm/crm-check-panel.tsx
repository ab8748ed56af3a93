"use client";

import { useState } from "react";
import { primaryButtonClassName } from "@/components/ui/field";
import type { ProbeOutcome, StoredCrmCheck } from "@/lib/crm/compat/crm-check-types";
import { useRunCrmCheck } from "@/lib/crm/queries/run-crm-check";
import { formatInZone } from "@/lib/time/moment-format";

const OUTCOME_STYLE: Record<ProbeOutcome, string> = {
  "as assumed": "bg-emerald-50 text-emerald-900",
  differs: "bg-amber-50 text-amber-900",
  failed: "bg-red-50 text-red-800",
  "not checked": "bg-slate-100 text-slate-700",
};

/**
 * The CRM compatibility page's live part: the last self-check (when, against
 * which CRM, its table) and the button that runs the read-only part now,
 * saying first what it spends. Dates in the viewer's zone, passed from the
 * server so both renders agree.
 */
export function CrmCheckPanel({ initial, readRequests, timeZone }: { initial: StoredCrmCheck | null; readRequests: number; timeZone: string }) {
  const [last, setLast] = useState(initial);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const run = useRunCrmCheck({
    onSuccess: (result) => {
      setLast(result);
      setMessage({ kind: "ok", text: `Check finished: ${result.requestsSpent} CRM requests spent.` });
    },
    onError: (error) => setMessage({ kind: "error", text: error.message }),
  });
  const when = (iso: string) => formatInZone(iso, timeZone);
  const differing = last?.results.filter((result) => result.outcome === "differs" || result.outcome === "failed").length ?? 0;

  return (
    <div className="space-y-6">
      <section aria-labelledby="crm-check-run" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="crm-check-run" className="text-lg font-semibold">
          Check now
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Runs the read-only part of the self-check against the CRM this dashboard uses. It will spend at most {readRequests} requests of the plan&apos;s
          monthly allowance and changes nothing in the CRM. The part that writes (it creates and deletes a test customer and job) runs only from the command
          line: <code className="rounded bg-slate-100 px-1">npm run crm:check -- --write</code>.
        </p>
        <button type="button" className={`${primaryButtonClassName} mt-3`} disabled={run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? "Checking…" : "Run the read-only check"}
        </button>
        <div role="status" aria-live="polite" className="mt-3">
          {message && (
            <p
              className={`rounded-md border p-3 text-sm ${message.kind === "ok" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}
            >
              {message.text}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="crm-check-last" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="crm-check-last" className="text-lg font-semibold">
          Last check
        </h2>
        {last === null ? (
          <p className="mt-2 text-sm text-slate-600">No check has run yet.</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-700" data-testid="crm-check-summary">
              {when(last.finishedAt)}, against <span className="font-mono text-xs">{last.baseUrl}</span>, {last.write ? "reading and writing" : "read-only"}, by{" "}
              {last.ranBy}. {last.requestsSpent} requests spent.{" "}
              {differing === 0 ? "Everything was as the dashboard assumes." : `${differing} of ${last.results.length} differ or failed.`}
            </p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">What the CRM did, assumption by assumption</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Assumption
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      What the CRM did
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      What the dashboard does about it
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {last.results.map((result) => (
                    <tr key={result.assumption} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2 pr-4 font-normal">
                        {result.assumption}
                      </th>
                      <td className="py-2 pr-4">
                        <span className={`mr-1 rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLE[result.outcome]}`}>{result.outcome}</span>
                        {result.observed}
                      </td>
                      <td className="py-2">{result.handling}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
