"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDataTable } from "@/components/data-table/use-data-table";
import { DataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { TableMessage } from "@/components/data-table/table-message";
import { primaryButtonClassName } from "@/components/ui/field";
import type { JobListItem } from "@/lib/crm/crm-types";
import { CUSTOMER_JOBS_PAGE_SIZE, useCustomerJobs } from "@/lib/customers/queries/get-customer-jobs";
import { formatCalendarDate } from "@/lib/customers/customer-format";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

const columns: ColumnDef<JobListItem>[] = [
  {
    id: "number",
    header: "Job",
    meta: { label: "Job", cellClassName: "whitespace-nowrap" },
    cell: ({ row }) => (
      // Out of the tab order: the row is the tab stop and Enter on it opens the job.
      <Link href={`/jobs/${row.original.uuid}`} tabIndex={-1} className="font-medium text-brand-700 hover:underline">
        {row.original.job_number ?? "Job"}
      </Link>
    ),
  },
  { id: "title", header: "Title", meta: { label: "Title" }, cell: ({ row }) => row.original.title },
  { id: "status", header: "Status", meta: { label: "Status", cellClassName: "whitespace-nowrap" }, cell: ({ row }) => row.original.status },
  {
    id: "scheduled",
    header: "Scheduled",
    meta: { label: "Scheduled", cellClassName: "whitespace-nowrap" },
    cell: ({ row }) =>
      row.original.scheduled_date
        ? `${formatCalendarDate(row.original.scheduled_date)}${row.original.scheduled_time_start ? `, ${row.original.scheduled_time_start}` : ""}`
        : "Not scheduled",
  },
  { id: "priority", header: "Priority", meta: { label: "Priority" }, cell: ({ row }) => row.original.priority },
];

/** The customer's jobs, newest first, 25 a page, each opening the job's own page. */
export function CustomerJobs({ uuid, canWrite, deleted }: { uuid: string; canWrite: boolean; deleted: boolean }) {
  const router = useRouter();
  const [page, setPage] = useState(1);
  const jobs = useCustomerJobs(uuid, page);
  const table = useDataTable({
    data: jobs.data?.jobs ?? [],
    columns,
    getRowId: (job) => job.uuid,
  });
  const pagination = jobs.data?.pagination;

  return (
    <section aria-labelledby="customer-jobs" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="customer-jobs" className="text-lg font-semibold">
          Jobs{pagination ? ` (${pagination.total})` : ""}
        </h2>
        {canWrite && !deleted && (
          <Link href={`/jobs/new?customer_uuid=${encodeURIComponent(uuid)}`} className={primaryButtonClassName}>
            New job
          </Link>
        )}
      </div>
      <DataTable
        id="customer-jobs-table"
        table={table}
        caption="The customer's jobs, newest first"
        minWidthClassName="min-w-[40rem]"
        onOpenRow={(job) => router.push(`/jobs/${job.uuid}`)}
        isLoading={jobs.isPending}
        isRefreshing={jobs.isPlaceholderData}
        skeletonRows={3}
        errorState={jobs.isError ? <LoadErrorMessage title="The jobs could not be loaded." query={jobs} /> : undefined}
        emptyState={<TableMessage title="No jobs yet.">{canWrite && !deleted ? "Book one with “New job”." : null}</TableMessage>}
      />
      {pagination && pagination.total_pages > 1 && (
        <Pagination
          label="Job pages"
          page={page}
          pageCount={pagination.total_pages}
          pageSize={CUSTOMER_JOBS_PAGE_SIZE}
          pageSizes={[CUSTOMER_JOBS_PAGE_SIZE]}
          total={pagination.total}
          itemsLabel="jobs"
          disabled={jobs.isFetching}
          onPageChange={setPage}
        />
      )}
    </section>
  );
}
