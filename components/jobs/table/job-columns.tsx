"use client";

import { LocalMoment } from "@/components/time/local-moment";
import { locationLabel } from "@/lib/jobs/location-label";
import "@/components/data-table/column-meta";
import type { ColumnDef, VisibilityState } from "@tanstack/react-table";
import Link from "next/link";
import { restoreColumn } from "@/components/data-table/restore-column";
import { selectionColumn } from "@/components/data-table/selection-column";
import { DeletedBadge, JobFlags, PriorityBadge, StatusBadge } from "@/components/jobs/job-badges";
import { formatMoney, formatScheduledDate, formatTimeWindow, jobLabel, personName } from "@/lib/jobs/job-format";
import type { JobListItem, Location } from "@/lib/jobs/job-types";

/** Shown unless someone chooses otherwise in the Columns menu. */
export const JOB_COLUMN_DEFAULTS: VisibilityState = { location: false, actual: false, created: false };

interface JobColumnOptions {
  canWrite: boolean;
  locations: readonly Location[];
  onRestore: (job: JobListItem) => void;
  restoringUuid: string | null;
}

/**
 * The job table's columns. Each sorts the whole list by its `sortKey` (the
 * URL's sort=-scheduled_date; the mirror sorts, ADR-017). Title and
 * actions can't be hidden (a row must say which job it is and stay usable);
 * people who may write also get a checkbox column for bulk delete.
 */
export function jobColumns({ canWrite, locations, onRestore, restoringUuid }: JobColumnOptions): ColumnDef<JobListItem>[] {
  const columns: ColumnDef<JobListItem>[] = [
    ...(canWrite ? [selectionColumn<JobListItem>(jobLabel)] : []),
    {
      id: "number",
      header: "Job #",
      meta: { label: "Job number", cellClassName: "whitespace-nowrap font-mono text-xs text-slate-700", sortKey: "job_number" },
      cell: ({ row }) => row.original.job_number ?? "—",
    },
    {
      id: "title",
      header: "Title",
      enableHiding: false,
      meta: { label: "Title", cellClassName: "min-w-48", sortKey: "title" },
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1.5">
          {/* Out of the tab order: the row is the tab stop, and Enter on it opens the same page. */}
          <Link href={`/jobs/${row.original.uuid}`} tabIndex={-1} className="font-medium text-brand-700 hover:underline">
            {row.original.title}
          </Link>
          {row.original.deleted_at && <DeletedBadge />}
        </span>
      ),
    },
    { id: "customer", header: "Customer", meta: { label: "Customer", sortKey: "customer_name" }, cell: ({ row }) => personName(row.original.customer) },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status", cellClassName: "whitespace-nowrap", sortKey: "status" },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    {
      id: "priority",
      header: "Priority",
      meta: { label: "Priority and flags", sortKey: "priority" },
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          <PriorityBadge priority={row.original.priority} />
          <JobFlags job={row.original} />
        </span>
      ),
    },
    {
      id: "scheduled",
      header: "Scheduled",
      meta: { label: "Scheduled", cellClassName: "whitespace-nowrap", sortKey: "scheduled_date" },
      cell: ({ row }) => {
        const date = formatScheduledDate(row.original.scheduled_date);
        if (!date) return <span className="text-slate-600">Not scheduled</span>;
        const timeWindow = formatTimeWindow(row.original.scheduled_time_start, row.original.scheduled_time_end);
        return (
          <>
            {date}
            {timeWindow && <span className="block text-xs text-slate-600">{timeWindow}</span>}
          </>
        );
      },
    },
    {
      id: "assignee",
      header: "Assigned to",
      meta: { label: "Assigned to", sortKey: "assignee_name" },
      cell: ({ row }) => personName(row.original.assigned_user) || <span className="text-slate-600">Unassigned</span>,
    },
    {
      id: "location",
      header: "Location",
      meta: { label: "Location", sortKey: "location_name" },
      cell: ({ row }) => locationLabel(row.original.location_uuid, locations),
    },
    {
      id: "estimated",
      header: "Estimate",
      meta: {
        label: "Estimated amount",
        headerClassName: "text-right",
        cellClassName: "text-right tabular-nums whitespace-nowrap",
        sortKey: "estimated_amount",
      },
      cell: ({ row }) => formatMoney(row.original.estimated_amount),
    },
    {
      id: "actual",
      header: "Actual",
      meta: { label: "Actual amount", headerClassName: "text-right", cellClassName: "text-right tabular-nums whitespace-nowrap", sortKey: "actual_amount" },
      cell: ({ row }) => formatMoney(row.original.actual_amount),
    },
    {
      id: "created",
      header: "Created",
      meta: { label: "Created", cellClassName: "whitespace-nowrap", sortKey: "created_at" },
      cell: ({ row }) => <LocalMoment iso={row.original.created_at} />,
    },
  ];
  if (canWrite) columns.push(restoreColumn({ label: jobLabel, restoringUuid, onRestore }));
  return columns;
}
