"use client";

import { TableHint } from "@/components/data-table/table-hint";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { toast } from "sonner";
import { BulkDelete } from "@/components/data-table/bulk-delete";
import { ColumnVisibilityMenu } from "@/components/data-table/column-visibility-menu";
import { CsvExport } from "@/components/data-table/csv-export";
import { DataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { TableMessage } from "@/components/data-table/table-message";
import { selectedRows, useDataTable } from "@/components/data-table/use-data-table";
import { useRowSelection } from "@/components/data-table/use-row-selection";
import { columnVisibilityStorageKey, useStoredColumnVisibility } from "@/components/data-table/use-stored-column-visibility";
import { JobFilters } from "@/components/jobs/filters/job-filters";
import { JobBulkChange } from "@/components/jobs/bulk/job-bulk-change";
import { useJobFilterCheck } from "@/components/jobs/filters/use-job-filter-check";
import { JOB_COLUMN_DEFAULTS, jobColumns } from "@/components/jobs/table/job-columns";
import { csvFileName } from "@/lib/csv/download-file";
import { PAGE_SIZES } from "@/lib/customers/customer-enums";
import { collectAssignees } from "@/lib/jobs/assignees";
import { useJobBulkDelete } from "@/lib/jobs/queries/bulk-delete-jobs";
import { fetchJobs, useJobs } from "@/lib/jobs/queries/get-jobs";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { useRestoreJob } from "@/lib/jobs/queries/restore-job";
import { jobCsvColumns } from "@/lib/jobs/job-csv";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import { JOB_FILTER_KEYS, historyModeFor, jobFilterParsers, type CheckedJobFilters, type RawJobFilters } from "@/lib/jobs/job-list-url";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { StaleDataNotice } from "@/components/query/stale-data-notice";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";
import { ListSourceNotice } from "@/components/data-table/list-source-notice";
import { UnreadableRecordsNotice } from "@/components/data-table/unreadable-records-notice";
import { sortParam, type ListSort } from "@/lib/lists/list-sort";
import type { JobTableSortKey } from "@/lib/jobs/job-list-url";

const TABLE_ID = "job-table";
const SORT_LABELS: Record<JobTableSortKey, string> = {
  job_number: "Job #",
  title: "Title",
  customer_name: "Customer",
  status: "Status",
  priority: "Priority",
  scheduled_date: "Scheduled",
  assignee_name: "Assigned to",
  location_name: "Location",
  estimated_amount: "Estimate",
  actual_amount: "Actual",
  created_at: "Created",
};

function sortInWords(sort: ListSort<JobTableSortKey> | undefined): string | null {
  if (!sort) return null;
  return `sorted by ${SORT_LABELS[sort.key]}, ${sort.direction === "asc" ? "ascending" : "descending"}`;
}

/**
 * The job list: filters, page and page size in the URL (reload-safe and
 * shareable; Back returns to the previous view), one CRM list per view.
 */
export function JobTable({
  userId,
  canWrite,
  serverFilters,
  timeZone,
}: {
  userId: string;
  canWrite: boolean;
  serverFilters: CheckedJobFilters;
  timeZone: string;
}) {
  const router = useRouter();
  const [raw, setRaw] = useQueryStates(jobFilterParsers, { history: "push" });
  const check = useJobFilterCheck(raw, JOB_FILTER_KEYS, serverFilters);
  const filters = check.ok ? check.filters : null;
  const jobs = useJobs(filters);
  const locations = useLocations();
  const { visibility, setVisibility, resetVisibility } = useStoredColumnVisibility(columnVisibilityStorageKey("jobs", userId), JOB_COLUMN_DEFAULTS);

  const bulkDelete = useJobBulkDelete();
  const restore = useRestoreJob<JobListItem>("active", {
    onSuccess: (_restored, job) => toast.success(`${jobLabel(job)} is restored.`),
    onError: (error, job) => toast.error(`${jobLabel(job)} could not be restored.`, { description: error.message }),
  });
  const restoringUuid = restore.isPending ? (restore.variables?.uuid ?? null) : null;
  const { mutate: restoreOne } = restore;

  const columns = useMemo(
    () => jobColumns({ canWrite, locations: locations.data ?? [], restoringUuid, onRestore: (job) => restoreOne(job) }),
    [canWrite, locations.data, restoringUuid, restoreOne],
  );
  const data = jobs.data;
  const { clearSelection, ...selection } = useRowSelection(JSON.stringify(filters));
  const table = useDataTable({
    data: data?.jobs ?? [],
    columns,
    getRowId: (job) => job.uuid,
    columnVisibility: visibility,
    onColumnVisibilityChange: setVisibility,
    selection: { ...selection, canSelect: (job) => canWrite && !job.deleted_at },
  });

  const change = (patch: Partial<RawJobFilters>) => void setRaw(patch, { history: historyModeFor(raw, patch) });
  const pagination = data?.pagination;
  const pastTheEnd = filters !== null && pagination !== undefined && pagination.total > 0 && filters.page > pagination.total_pages;
  const clearAll = () =>
    change({
      status: "",
      priority: "",
      location_uuid: "",
      assigned_to_user_id: "",
      customer_uuid: "",
      search: "",
      include_deleted: "",
      from: "",
      to: "",
      unassigned: "",
      unscheduled: "",
      page: "",
    });
  const sortWords = sortInWords(filters?.sort);
  const changeSort = (sort: ListSort | null) => change({ sort: sortParam(sort), page: "" });
  const sortError = check.ok ? undefined : check.errors.sort;

  return (
    <div className="space-y-4">
      <JobFilters variant="table" raw={raw} errors={check.ok ? {} : check.errors} onChange={change} seenAssignees={collectAssignees(data?.jobs ?? [])} />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <TableHint
          sortWords={sortWords}
          defaultOrder="the CRM lists jobs in the order they were created"
          onNewestFirst={() => changeSort(null)}
          canSelect={canWrite}
        />
        <div className="flex flex-wrap items-center gap-2">
          {canWrite && <BulkDelete kind={bulkDelete} selected={selectedRows(table)} onClearSelection={clearSelection} />}
          {canWrite && <JobBulkChange count={selectedRows(table).length} pick={() => selectedRows(table)} onClearSelection={clearSelection} />}
          <ColumnVisibilityMenu table={table} onReset={resetVisibility} />
          {filters && (
            <CsvExport
              total={pagination?.total ?? null}
              itemLabel={{ one: "job", many: "jobs" }}
              columns={jobCsvColumns(locations.data ?? [])}
              getRowId={(job) => job.uuid}
              pageSize={100}
              fetchPage={async (page) => {
                const result = await fetchJobs({ ...filters, page, limit: 100 });
                return { rows: result.jobs, totalPages: result.pagination.total_pages };
              }}
              fileName={() =>
                csvFileName([
                  "jobs",
                  filters.status.join(" "),
                  filters.priority,
                  filters.search ? `search ${filters.search}` : null,
                  filters.from || filters.to ? `scheduled ${filters.from ?? "…"} to ${filters.to ?? "…"}` : null,
                  filters.unassigned ? "unassigned" : null,
                  filters.unscheduled ? "unscheduled" : null,
                  filters.include_deleted ? "with deleted" : null,
                  sortWords,
                ])
              }
            />
          )}
        </div>
      </div>

      {filters && <StaleDataNotice queryKeys={[jobKeys.list(filters)]} />}
      {filters && <ListSourceNotice source={data?.source} timeZone={timeZone} canSync={canWrite} />}
      <UnreadableRecordsNotice records={data?.unreadable} noun="job" hrefFor={(uuid) => `/jobs/${uuid}`} />
      <DataTable
        id={TABLE_ID}
        table={table}
        caption={`Jobs, ${sortWords ?? "newest first"}`}
        sort={filters?.sort ?? null}
        onSortChange={changeSort}
        onOpenRow={(job) => router.push(`/jobs/${job.uuid}`)}
        isLoading={filters !== null && jobs.isPending}
        isRefreshing={jobs.isPlaceholderData}
        rowClassName={(job) => (job.deleted_at ? "bg-slate-50 text-slate-600" : "")}
        errorState={
          sortError ? (
            <TableMessage
              title="The address of this page asks for a sort the list doesn't offer."
              tone="error"
              action={{ label: "Sort newest first", onClick: () => changeSort(null) }}
            >
              {sortError} No jobs were loaded.
            </TableMessage>
          ) : !filters ? (
            <TableMessage title="A filter above has a problem." tone="error" action={{ label: "Clear filters", onClick: clearAll }}>
              No jobs were loaded. Fix or clear the filter to see jobs.
            </TableMessage>
          ) : jobs.isError ? (
            <LoadErrorMessage title="The jobs could not be loaded." query={jobs} />
          ) : undefined
        }
        emptyState={
          pastTheEnd ? (
            <TableMessage title={`Page ${filters.page} is past the end of this list.`} action={{ label: "Go to page 1", onClick: () => change({ page: "" }) }}>
              The list has {pagination.total_pages} page{pagination.total_pages === 1 ? "" : "s"}.
            </TableMessage>
          ) : (
            <TableMessage title="No jobs match these filters." action={{ label: "Clear filters", onClick: clearAll }} />
          )
        }
      />

      {filters && pagination && pagination.total > 0 && (
        <Pagination
          label="Job pages"
          page={filters.page}
          pageCount={pagination.total_pages}
          pageSize={filters.limit}
          pageSizes={PAGE_SIZES}
          total={pagination.total}
          itemsLabel="jobs"
          disabled={jobs.isFetching}
          onPageChange={(page) => change({ page: page === 1 ? "" : String(page) })}
          onPageSizeChange={(limit) => change({ limit: String(limit), page: "" })}
        />
      )}
    </div>
  );
}
