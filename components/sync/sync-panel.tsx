"use client";

import { useState, type FormEvent } from "react";
import { Field, fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/http/api-fetch";
import type { SyncStatus } from "@/lib/mirror/mirror-types";
import { useSyncNow } from "@/lib/mirror/queries/sync-now";
import { syncPageKey, useSyncPageStatus, useSyncSettings } from "@/lib/mirror/queries/sync-settings";
import { formatDuration, whatCanBeMissed } from "@/lib/mirror/sync-format";

const numbers = new Intl.NumberFormat("en-US");

/**
 * The Data sync page's live part: the status (polled every few seconds while
 * a pass runs, every half minute otherwise), Sync now, pause and resume, and
 * the budget share. Dates are shown in the viewer's zone, passed from the
 * server so both renders agree.
 */
export function SyncPanel({ initialStatus, timeZone }: { initialStatus: SyncStatus; timeZone: string }) {
  const status = useSyncPageStatus(initialStatus);
  const data = status.data;
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [budget, setBudget] = useState(String(Math.round(data.plan.budgetShare * 100)));
  const [budgetError, setBudgetError] = useState<string | undefined>();

  const dateTime = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" });
  const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : "never");

  const onDone = (text: string) => setMessage({ kind: "ok", text });
  const onFail = (error: Error) => setMessage({ kind: "error", text: error.message });

  const syncNow = useSyncNow(
    { onSuccess: (next) => onDone(`Full pass started: about ${numbers.format(next.plan.fullPassRequests)} CRM requests.`), onError: onFail },
    syncPageKey,
  );
  const settings = useSyncSettings({
    onSuccess: (next, change) => {
      setBudgetError(undefined);
      onDone(
        change.paused === true
          ? "Sync is paused."
          : change.paused === false
            ? "Sync resumed."
            : `Sync may now spend ${Math.round(next.plan.budgetShare * 100)}% of the plan.`,
      );
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.fields.budget_percent) setBudgetError(error.fields.budget_percent);
      else onFail(error);
    },
  });

  const saveBudget = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(budget);
    if (budget.trim() === "" || !Number.isInteger(value) || value < 1 || value > 100) {
      setBudgetError("Enter a whole number of percent from 1 to 100");
      return;
    }
    settings.mutate({ budget_percent: value });
  };

  const pass = data.pass;
  const percent = pass && pass.pagesTotal ? Math.min(100, Math.round((pass.pagesDone / pass.pagesTotal) * 100)) : 0;
  const budgetUsed = data.plan.budgetRequests > 0 ? Math.round((data.spentThisMonth / data.plan.budgetRequests) * 100) : 0;

  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite">
        {message && (
          <p
            className={`rounded-md border p-3 text-sm ${message.kind === "ok" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {message.text}
          </p>
        )}
      </div>

      {(data.paused || data.halted) && (
        <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {data.paused
            ? "Sync is paused: nothing is read from the CRM for the mirror until it is resumed."
            : `Sync stopped on ${when(data.halted!.at)}: ${data.halted!.reason === "usage_limit" ? "the CRM's monthly request limit was reached. It starts again when the month turns, or when resumed." : "the CRM refused or failed. See the problems below."}`}
        </p>
      )}

      <section aria-labelledby="sync-records" className="grid gap-4 sm:grid-cols-3">
        <h2 id="sync-records" className="sr-only">
          Records mirrored
        </h2>
        <Stat label="Customers" value={numbers.format(data.counts.customers)} detail={`${numbers.format(data.counts.deletedCustomers)} deleted`} />
        <Stat label="Jobs" value={numbers.format(data.counts.jobs)} detail={`${numbers.format(data.counts.deletedJobs)} deleted`} />
        <Stat label="Locations" value={numbers.format(data.counts.locations)} />
      </section>

      <section aria-labelledby="sync-spend" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sync-spend" className="text-lg font-semibold">
          CRM requests this month
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <Item
            term="Spent by sync"
            value={`${numbers.format(data.spentThisMonth)} of its budget of ${numbers.format(data.plan.budgetRequests)} (${budgetUsed}%)`}
          />
          <Item term="Projected for the month (sync)" value={numbers.format(data.plan.projectedMonth)} />
          <Item
            term="All of Tradesdesk this month"
            value={`${numbers.format(data.dashboardUsedThisMonth)} of the plan's ${numbers.format(data.monthlyLimit)}`}
          />
          <Item term="One full pass costs" value={`${numbers.format(data.plan.fullPassRequests)} requests`} />
        </dl>
      </section>

      <section aria-labelledby="sync-runs" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sync-runs" className="text-lg font-semibold">
          Runs
        </h2>
        {pass ? (
          <div className="mt-3 space-y-1">
            <p className="text-sm">
              Full pass under way since {when(pass.startedAt)}: {numbers.format(pass.pagesDone)} of{" "}
              {pass.pagesTotal === null ? "?" : numbers.format(pass.pagesTotal)} pages
              {pass.estimatedMsLeft !== null ? `, about ${formatDuration(pass.estimatedMsLeft)} left` : ""}.
            </p>
            <div
              role="progressbar"
              aria-label="Full pass"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 w-full overflow-hidden rounded bg-slate-200"
            >
              <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
          </div>
        ) : null}
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <Item term="Last full pass finished" value={when(data.lastPassCompletedAt)} />
          <Item term="Next full pass" value={data.nextFullPassAt ? when(data.nextFullPassAt) : "not this month"} />
          <Item term="Last look for changes" value={when(data.lastChangesAt)} />
          <Item term="Last re-read of open jobs" value={when(data.lastOpenJobsAt)} />
          <Item term="Last run" value={when(data.lastRunAt)} />
          <Item term="Next run" value={data.nextRunAt ? when(data.nextRunAt) : data.paused || data.halted ? "stopped" : "not this month"} />
        </dl>
        <p className="mt-4 text-sm text-slate-700">{whatCanBeMissed(data, when)}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" className={primaryButtonClassName} disabled={syncNow.isPending || data.paused} onClick={() => syncNow.mutate()}>
            Sync now
          </button>
          {data.paused ? (
            <button type="button" className={secondaryButtonClassName} disabled={settings.isPending} onClick={() => settings.mutate({ paused: false })}>
              Resume sync
            </button>
          ) : (
            <button type="button" className={secondaryButtonClassName} disabled={settings.isPending} onClick={() => settings.mutate({ paused: true })}>
              Pause sync
            </button>
          )}
          {data.halted && !data.paused ? (
            <button type="button" className={secondaryButtonClassName} disabled={settings.isPending} onClick={() => settings.mutate({ paused: false })}>
              Resume sync
            </button>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="sync-budget" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sync-budget" className="text-lg font-semibold">
          Budget
        </h2>
        <form onSubmit={saveBudget} noValidate className="mt-3 flex flex-wrap items-start gap-3">
          <div className="w-56">
            <Field id="sync-budget-percent" label="Share of the monthly plan (%)" error={budgetError} hint="How often sync looks follows from it.">
              <input
                {...fieldAria("sync-budget-percent", budgetError, "How often sync looks follows from it.")}
                inputMode="numeric"
                className={inputClassName}
                value={budget}
                onChange={(event) => setBudget(event.target.value)}
              />
            </Field>
          </div>
          <button type="submit" className={`${secondaryButtonClassName} mt-6`} disabled={settings.isPending}>
            Save budget
          </button>
        </form>
      </section>

      <section aria-labelledby="sync-problems" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sync-problems" className="text-lg font-semibold">
          Problems
        </h2>
        {data.problems.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">
                  When
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Record
                </th>
                <th scope="col" className="py-2 font-medium">
                  What happened
                </th>
              </tr>
            </thead>
            <tbody>
              {data.problems.map((problem) => (
                <tr key={problem.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{when(problem.occurredAt)}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{problem.uuid ? `${problem.resource ?? ""} ${problem.uuid}` : (problem.resource ?? "")}</td>
                  <td className="py-2">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-2xl font-semibold">{value}</p>
      {detail ? <p className="text-xs text-slate-600">{detail}</p> : null}
    </div>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
