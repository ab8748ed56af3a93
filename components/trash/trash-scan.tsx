"use client";

import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { formatDateTime } from "@/lib/customers/customer-format";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { getScanEstimate, scanPage, useScanEnded } from "@/lib/trash/queries/scan-trash";
import type { TrashResource, TrashScanEstimate, TrashScanSummary } from "@/lib/trash/trash-types";
import { errorText } from "@/lib/http/error-advice";

type ScanState =
  | { phase: "idle" }
  | { phase: "running"; scanId: string; page: number; pagesTotal: number; requests: number; found: number; removed: number; pausedForSeconds?: number }
  | {
      phase: "ended";
      how: "finished" | "stopped" | "failed";
      scanId: string;
      page: number;
      pagesTotal: number;
      requests: number;
      found: number;
      removed: number;
      error?: string;
    };

const numberFormat = new Intl.NumberFormat("en-US");
const count = (value: number) => numberFormat.format(value);
const plural = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;

/**
 * Finds records deleted outside the dashboard. The CRM can only list
 * everything, so a scan reads every record, 100 per request: the person sees
 * the cost before starting, the progress while it runs, can stop it at any
 * page, and is told what it used. The loop runs here, one page per call, so
 * leaving the page stops it.
 */
export function TrashScan({ resource, lastScan }: { resource: TrashResource; lastScan: TrashScanSummary | null }) {
  const scanEnded = useScanEnded();
  const noun = resource === "customer" ? "customers" : "jobs";
  const [asking, setAsking] = useState(false);
  const [estimate, setEstimate] = useState<{ data?: TrashScanEstimate; error?: string } | null>(null);
  const [state, setState] = useState<ScanState>({ phase: "idle" });
  const stopRequested = useRef(false);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  function openEstimate() {
    setAsking(true);
    setEstimate(null);
    getScanEstimate(resource).then(
      (data) => setEstimate({ data }),
      (error: unknown) => setEstimate({ error: error instanceof Error ? error.message : "The cost could not be worked out." }),
    );
  }

  async function run(from: { scanId: string; page: number; requests: number; found: number; removed: number; pagesTotal: number }) {
    stopRequested.current = false;
    let progress = { ...from };
    setState({ phase: "running", ...progress });
    for (;;) {
      if (stopRequested.current) {
        setState({ phase: "ended", how: "stopped", ...progress, page: progress.page - 1 });
        break;
      }
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const step = await scanPage(resource, progress.scanId, progress.page, controller.signal);
        progress = {
          scanId: progress.scanId,
          page: step.page + 1,
          pagesTotal: step.pages_total,
          requests: progress.requests + step.crm_requests,
          found: progress.found + step.found,
          removed: progress.removed + step.removed,
        };
        if (step.done) {
          setState({ phase: "ended", how: "finished", ...progress, page: step.page });
          break;
        }
        setState({ phase: "running", ...progress });
      } catch (error) {
        // The person's per-minute budget of CRM requests (429 rate_limited): wait as told, then go on by itself.
        if (!stopRequested.current && error instanceof ApiRequestError && error.code === "rate_limited" && error.retryAfterSeconds !== null) {
          setState({ phase: "running", ...progress, pausedForSeconds: error.retryAfterSeconds });
          await waitUnlessStopped(error.retryAfterSeconds * 1000, stopRequested);
          setState({ phase: "running", ...progress });
          continue;
        }
        if (stopRequested.current) {
          setState({ phase: "ended", how: "stopped", ...progress, page: progress.page - 1 });
        } else {
          const message = errorText(error, "The scan could not go on.");
          setState({ phase: "ended", how: "failed", ...progress, page: progress.page - 1, error: message });
        }
        break;
      } finally {
        inFlight.current = null;
      }
    }
    await scanEnded();
  }

  function start() {
    setAsking(false);
    void run({ scanId: crypto.randomUUID(), page: 1, requests: 0, found: 0, removed: 0, pagesTotal: estimate?.data?.requests ?? 1 });
  }

  function stop() {
    stopRequested.current = true;
    inFlight.current?.abort();
  }

  return (
    <section aria-labelledby={`scan-${resource}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id={`scan-${resource}`} className="font-medium text-slate-900">
            Deleted elsewhere?
          </h2>
          <p className="mt-1 text-slate-600">
            Deletions made in this dashboard are here at once. {noun === "customers" ? "Customers" : "Jobs"} deleted in the CRM itself or another app are found
            by a scan of every {resource}, which costs CRM requests.
          </p>
          {lastScan && state.phase === "idle" && (
            <p className="mt-1 text-slate-600">
              Last scan {formatDateTime(lastScan.updated_at)} by {lastScan.started_by}: {plural(lastScan.pages_done, "page", "pages")} of{" "}
              {count(lastScan.pages_total)}, {plural(lastScan.requests, "request", "requests")}, found {count(lastScan.found)}.
            </p>
          )}
        </div>
        {state.phase !== "running" && (
          <button type="button" className={secondaryButtonClassName} onClick={openEstimate}>
            Scan the CRM for deleted {noun}…
          </button>
        )}
      </div>

      {state.phase === "running" && (
        <div className="mt-3 space-y-2">
          <div className="flex items-center gap-3">
            <div className="flex-1">
              <ProgressBar
                label={`Scanning ${noun}`}
                value={state.page - 1}
                max={state.pagesTotal}
                valueText={`Page ${count(state.page - 1)} of ${count(state.pagesTotal)}`}
              />
            </div>
            <button type="button" className={secondaryButtonClassName} onClick={stop}>
              Stop
            </button>
          </div>
          <p className="text-slate-700" aria-live="polite">
            Read {plural(state.page - 1, "page", "pages")} of {count(state.pagesTotal)} · {plural(state.requests, "CRM request", "CRM requests")} · found{" "}
            {count(state.found)}
          </p>
          {state.pausedForSeconds !== undefined && (
            <p role="status" className="text-amber-900">
              Paused for {plural(state.pausedForSeconds, "second", "seconds")}: your CRM requests for this minute are used up. The scan goes on by itself.
            </p>
          )}
        </div>
      )}

      {state.phase === "ended" && (
        <div
          role={state.how === "failed" ? "alert" : "status"}
          className={`mt-3 rounded-md border p-3 ${state.how === "failed" ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50 text-slate-800"}`}
        >
          <p>
            {state.how === "finished" && `Scan finished: all ${plural(state.pagesTotal, "page", "pages")} read.`}
            {state.how === "stopped" && `Scan stopped after ${plural(state.page, "page", "pages")} of ${count(state.pagesTotal)}.`}
            {state.how === "failed" && `The scan stopped at page ${count(state.page + 1)} of ${count(state.pagesTotal)}: ${state.error ?? ""}`} It used{" "}
            {plural(state.requests, "CRM request", "CRM requests")} and found {plural(state.found, `deleted ${resource}`, `deleted ${noun}`)} that{" "}
            {state.found === 1 ? "was" : "were"} not in the trash yet
            {state.removed > 0 ? `; ${plural(state.removed, "record", "records")} back in use left the trash` : ""}.
          </p>
          {state.how !== "finished" && (
            <button
              type="button"
              className={`${secondaryButtonClassName} mt-2`}
              onClick={() =>
                void run({
                  scanId: state.scanId,
                  page: state.page + 1,
                  requests: state.requests,
                  found: state.found,
                  removed: state.removed,
                  pagesTotal: state.pagesTotal,
                })
              }
            >
              Continue from page {count(state.page + 1)}
            </button>
          )}
        </div>
      )}

      <Dialog open={asking} onOpenChange={setAsking} title={`Scan the CRM for deleted ${noun}?`}>
        <div className="space-y-3 text-sm">
          {!estimate && <p role="status">Working out what it costs…</p>}
          {estimate?.error && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
              {estimate.error}
            </p>
          )}
          {estimate?.data && (
            <p>
              The scan reads all {plural(estimate.data.records_total, resource, noun)} in the CRM, deleted ones included, 100 at a time:{" "}
              <strong>{plural(estimate.data.requests, "CRM request", "CRM requests")}</strong>. This month {count(estimate.data.usage.used)} of the plan&apos;s{" "}
              {count(estimate.data.usage.limit)} requests are used. You can stop it at any time.
            </p>
          )}
          <div className="flex justify-end gap-2">
            <DialogClose className={secondaryButtonClassName}>Cancel</DialogClose>
            <button type="button" className={primaryButtonClassName} disabled={!estimate?.data} onClick={start}>
              Start scan
            </button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}

/** Waits ms, or less if Stop is pressed meanwhile. */
async function waitUnlessStopped(ms: number, stopRequested: { current: boolean }): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !stopRequested.current) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
  }
}
