"use client";

import { useDroppable } from "@dnd-kit/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JobCard } from "@/components/jobs/board/job-card";
import { useBoardColumn } from "@/lib/jobs/queries/get-board-column";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { useBoardFirstPages } from "@/lib/jobs/queries/get-board";
import { columnTotal, loadedEstimate, loadedJobs } from "@/lib/jobs/board-cache";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { formatMoneyRounded } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { errorText, needsAdministrator } from "@/lib/http/error-advice";

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * Cards a column draws at first; "Show more" draws the rest of those loaded.
 * Nine columns of 25 cards were the board's main cost on a phone (ADR-025);
 * this many fill a column on a desktop screen.
 */
export const FIRST_CARDS = 8;

interface BoardColumnProps {
  status: JobStatus;
  filters: BoardFilters;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  canMove: boolean;
  onMove: (job: JobListItem, from: JobStatus, to: JobStatus) => void;
}

/**
 * One status: its true count (the CRM's total for that status and these
 * filters), the estimate of the cards loaded so far, and the cards, a page
 * at a time. Collapsed, it is a narrow strip that still takes drops.
 */
export function BoardColumn({ status, filters, collapsed, onCollapsedChange, canMove, onMove }: BoardColumnProps) {
  const query = useBoardColumn(status, filters);
  const queryClient = useQueryClient();
  // Cards the CRM's list of the newest jobs did not reach are the mirror's (its age is above the board).
  const fromMirror = useBoardFirstPages(filters).data?.mirrorColumns.includes(status) ?? false;
  // After a move the CRM's pages of this status have shifted by a card: read the column again before its next page, so none is skipped.
  const loadMore = async () => {
    if (queryClient.getQueryState(jobKeys.boardColumn(status, filters))?.isInvalidated) await query.refetch();
    await query.fetchNextPage();
  };
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const jobs = loadedJobs(query.data);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? jobs : jobs.slice(0, FIRST_CARDS);
  const hidden = jobs.length - shown.length;
  const total = columnTotal(query.data);
  const slug = status.toLowerCase().replaceAll(" ", "-");
  const headingId = `board-column-${slug}`;
  const bodyId = `board-column-${slug}-cards`;
  const countText = total === null ? "…" : numberFormat.format(total);
  const jobsWord = total === 1 ? "job" : "jobs";

  const toggle = (
    <button
      type="button"
      onClick={() => onCollapsedChange(!collapsed)}
      aria-expanded={!collapsed}
      aria-controls={collapsed ? undefined : bodyId}
      className="rounded p-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
    >
      <span aria-hidden="true">{collapsed ? "»" : "«"}</span>
      <span className="sr-only">
        {collapsed ? "Expand" : "Collapse"} {status}
      </span>
    </button>
  );

  if (collapsed) {
    return (
      <section
        ref={setNodeRef}
        aria-labelledby={headingId}
        className={`flex w-12 shrink-0 flex-col items-center gap-2 rounded-lg border py-2 ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-slate-100"}`}
      >
        {toggle}
        <h2 id={headingId} className="text-sm font-medium text-slate-800 [writing-mode:vertical-rl]">
          {status}{" "}
          <span className="tabular-nums text-slate-600">
            ({countText} {jobsWord})
          </span>
        </h2>
      </section>
    );
  }

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      aria-busy={query.isFetching}
      className={`flex w-72 shrink-0 flex-col rounded-lg border ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-slate-100"}`}
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <div>
          <h2 id={headingId} className="font-medium text-slate-900">
            {status}{" "}
            <span className="ml-1 rounded-full bg-white px-2 py-0.5 text-xs tabular-nums text-slate-700">
              {countText}
              <span className="sr-only"> {jobsWord}</span>
            </span>
          </h2>
          <p className="mt-0.5 text-xs text-slate-600">
            {formatMoneyRounded(loadedEstimate(jobs))} estimated
            {total !== null && jobs.length < total ? ` on ${numberFormat.format(jobs.length)} loaded` : ""}
          </p>
          {fromMirror && <p className="text-xs text-slate-600">From Tradesdesk&apos;s copy</p>}
        </div>
        {toggle}
      </header>
      <div id={bodyId} className="flex flex-1 flex-col gap-2 p-2">
        {query.isPending ? (
          <p className="p-2 text-sm text-slate-600">Loading jobs…</p>
        ) : query.isError && jobs.length === 0 ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            <p>{errorText(query.error)}</p>
            {!needsAdministrator(query.error) && (
              <button type="button" onClick={() => void query.refetch()} className="mt-1 font-medium underline">
                Try again
              </button>
            )}
          </div>
        ) : jobs.length === 0 ? (
          <p className="p-2 text-sm text-slate-600">No jobs</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label={`${status} jobs`}>
            {shown.map((job) => (
              <li key={job.uuid}>
                <JobCard job={job} status={status} canMove={canMove} onMove={onMove} />
              </li>
            ))}
          </ul>
        )}
        {/* One button, so focus stays on it from "Show more" to "Load more". */}
        {(hidden > 0 || query.hasNextPage) && (
          <button
            type="button"
            onClick={() => (hidden > 0 ? setShowAll(true) : void loadMore())}
            disabled={hidden === 0 && query.isFetchingNextPage}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {hidden > 0 ? `Show ${numberFormat.format(hidden)} more` : query.isFetchingNextPage ? "Loading…" : "Load more"}
            <span className="sr-only"> {status} jobs</span>
          </button>
        )}
        {query.isFetchNextPageError && (
          <p role="alert" className="text-sm text-red-800">
            {errorText(query.error)}
          </p>
        )}
      </div>
    </section>
  );
}
