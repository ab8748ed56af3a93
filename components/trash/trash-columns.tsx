"use client";

import { LocalMoment } from "@/components/time/local-moment";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { selectionColumn } from "@/components/data-table/selection-column";
import { Badge } from "@/components/ui/badge";
import { secondaryButtonClassName } from "@/components/ui/field";
import type { TrashResource, TrashRow } from "@/lib/trash/trash-types";

export interface TrashColumnOptions {
  resource: TrashResource;
  canWrite: boolean;
  onRestore: (row: TrashRow) => void;
  restoringUuids: ReadonlySet<string>;
}

function recordHref(row: TrashRow): string {
  return row.resource === "customer" ? `/customers/${row.uuid}` : `/jobs/${row.uuid}`;
}

/** Who deleted it: a person when it went through the dashboard; otherwise all that is known is that it was not. */
function DeletedBy({ row }: { row: TrashRow }) {
  if (row.deleted_by) return <span title={row.deleted_by.email}>{row.deleted_by.name}</span>;
  return <span className="text-slate-600">Outside the dashboard</span>;
}

/**
 * The trash's columns for one tab. What the record was (name or job), when and
 * by whom it was deleted, and Restore. Selection (for restoring several at
 * once) only for people who may restore.
 */
export function trashColumns(options: TrashColumnOptions): ColumnDef<TrashRow>[] {
  const columns: ColumnDef<TrashRow>[] = [];
  if (options.canWrite) columns.push(selectionColumn((row) => row.label));
  columns.push({
    id: "record",
    header: options.resource === "customer" ? "Customer" : "Job",
    enableHiding: false,
    meta: { label: options.resource === "customer" ? "Customer" : "Job", cellClassName: "min-w-48" },
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-1.5">
        {/* Out of the tab order: the row itself is the tab stop, Enter on it opens the same page. Not prefetched:
            a customer page's prefetch reads the customer from the CRM, a request per row on screen. */}
        <Link href={recordHref(row.original)} prefetch={false} tabIndex={-1} className="font-medium text-brand-700 hover:underline">
          {row.original.resource === "job" && row.original.summary.job_number ? `${row.original.summary.job_number} · ` : ""}
          {row.original.label}
        </Link>
      </span>
    ),
  });
  if (options.resource === "customer") {
    columns.push(
      { id: "company", header: "Company", meta: { label: "Company" }, cell: ({ row }) => row.original.summary.company_name ?? "" },
      { id: "phone", header: "Phone", meta: { label: "Phone", cellClassName: "whitespace-nowrap" }, cell: ({ row }) => row.original.summary.phone ?? "" },
      {
        id: "jobs",
        header: "Jobs deleted with them",
        meta: { label: "Jobs deleted with them" },
        cell: ({ row }) =>
          row.original.jobs_deleted_with.length > 0 ? (
            <Badge tone="info">{row.original.jobs_deleted_with.length === 1 ? "1 job" : `${row.original.jobs_deleted_with.length} jobs`}</Badge>
          ) : (
            ""
          ),
      },
    );
  } else {
    columns.push(
      {
        id: "customer",
        header: "Customer",
        meta: { label: "Customer" },
        cell: ({ row }) => row.original.summary.customer_name ?? "",
      },
      { id: "status", header: "Status", meta: { label: "Status", cellClassName: "whitespace-nowrap" }, cell: ({ row }) => row.original.summary.status ?? "" },
    );
  }
  columns.push(
    {
      id: "deleted_at",
      header: "Deleted",
      meta: { label: "Deleted", cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => <LocalMoment iso={row.original.deleted_at} />,
    },
    { id: "deleted_by", header: "Deleted by", meta: { label: "Deleted by" }, cell: ({ row }) => <DeletedBy row={row.original} /> },
  );
  if (options.canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableHiding: false,
      meta: { label: "Actions", cellClassName: "text-right" },
      cell: ({ row }) => {
        const busy = options.restoringUuids.has(row.original.uuid);
        return (
          <button
            type="button"
            className={`${secondaryButtonClassName} py-1`}
            disabled={busy}
            onClick={() => options.onRestore(row.original)}
            aria-label={`Restore ${row.original.label}`}
          >
            {busy ? "Restoring…" : "Restore"}
          </button>
        );
      },
    });
  }
  return columns;
}
