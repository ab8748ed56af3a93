"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { formatAsOf } from "@/components/mirror/mirror-freshness";
import { secondaryButtonClassName } from "@/components/ui/field";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SyncStatus } from "@/lib/mirror/mirror-types";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";

/** Its own key under "mirror" (which Sync now's refresh leaves alone): this one watches for the end of a pass. */
const STATUS_KEY = ["mirror", "sync-status", "full-pass"] as const;
const running = (status: SyncStatus | undefined) => Boolean(status && (status.running || status.pass));
const count = (value: number) => new Intl.NumberFormat("en-US").format(value);

/**
 * Where the old paid scan was: what the trash can miss (deletions made in
 * the CRM's own app or on a phone since the last full pass) and a button to
 * run a full pass now (the same as Sync now), with its progress. When the
 * pass ends the trash is read again.
 */
export function TrashFullPass({ noun, timeZone }: { noun: "customers" | "jobs"; timeZone: string }) {
  const queryClient = useQueryClient();
  const [watching, setWatching] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  // Read inside the query function: the pass's end is noticed where its status arrives, not in an effect.
  const watchingRef = useRef(false);

  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: async ({ signal }) => {
      const next = await apiFetch<SyncStatus>("/api/sync", { signal });
      if (watchingRef.current && !running(next)) {
        watchingRef.current = false;
        setWatching(false);
        const problem = next.halted?.reason;
        setMessage(problem ? { kind: "error", text: `The pass stopped: ${problem}` } : { kind: "ok", text: "Full pass finished: the trash is up to date." });
        void queryClient.invalidateQueries({ queryKey: trashKeys.all });
      }
      return next;
    },
    refetchInterval: (query) => (watching || running(query.state.data) ? 1_000 : false),
  });
  const start = useMutation({
    mutationFn: () => apiFetch<SyncStatus>("/api/sync/run", { method: "POST" }),
    onSuccess: (next) => {
      queryClient.setQueryData(STATUS_KEY, next);
      setMessage(null);
      watchingRef.current = true;
      setWatching(true);
    },
    onError: (error) => setMessage({ kind: "error", text: error.message }),
  });

  const pass = status.data?.pass ?? null;
  const lastPass = status.data?.lastPassCompletedAt ?? null;
  const nextPass = status.data?.nextFullPassAt ?? null;
  const busy = start.isPending || running(status.data);
  return (
    <section aria-labelledby={`full-pass-${noun}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id={`full-pass-${noun}`} className="font-medium text-slate-900">
            Deleted elsewhere?
          </h2>
          <p className="mt-1 text-slate-600">
            Deletions made in this dashboard are here at once. {noun === "customers" ? "Customers" : "Jobs"} deleted in the CRM&apos;s own app or on a phone
            appear after sync&apos;s next full pass
            {nextPass ? (
              <>
                {" "}
                (planned for <time dateTime={nextPass}>{formatAsOf(nextPass, timeZone)}</time>)
              </>
            ) : null}
            {lastPass ? (
              <>
                ; the last one finished at <time dateTime={lastPass}>{formatAsOf(lastPass, timeZone)}</time>
              </>
            ) : null}
            .
          </p>
        </div>
        <button type="button" className={secondaryButtonClassName} onClick={() => start.mutate()} disabled={busy} aria-busy={busy}>
          Run a full pass now
        </button>
      </div>
      {pass && (
        <div className="mt-3">
          <ProgressBar
            label="Full pass of the CRM"
            value={pass.pagesDone}
            max={pass.pagesTotal ?? Math.max(pass.pagesDone, 1)}
            valueText={pass.pagesTotal === null ? `${count(pass.pagesDone)} pages read` : `Page ${count(pass.pagesDone)} of ${count(pass.pagesTotal)}`}
          />
        </div>
      )}
      <p role="status" aria-live="polite" className={`mt-2 ${message?.kind === "error" ? "text-red-700" : "text-slate-700"}`}>
        {message?.text}
      </p>
    </section>
  );
}
