"use client";

import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { toast } from "sonner";
import { ColumnVisibilityMenu } from "@/components/data-table/column-visibility-menu";
import { BulkDelete } from "@/components/data-table/bulk-delete";
import { CsvExport } from "@/components/data-table/csv-export";
import { selectedRows, useDataTable } from "@/components/data-table/use-data-table";
import { useRowSelection } from "@/components/data-table/use-row-selection";
import { DataTable, focusDataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { DataTableSearch, DataTableToolbar } from "@/components/data-table/toolbar";
import { columnVisibilityStorageKey, useStoredColumnVisibility } from "@/components/data-table/use-stored-column-visibility";
import { CUSTOMER_COLUMN_DEFAULTS, customerColumns } from "@/components/customers/table/customer-columns";
import { TableMessage } from "@/components/data-table/table-message";
import { inputClassName } from "@/components/ui/field";
import { csvFileName } from "@/lib/csv/download-file";
import { useCustomerBulkDelete } from "@/lib/customers/queries/bulk-delete-customers";
import { getCustomers, useCustomers } from "@/lib/customers/queries/get-customers";
import { useRestoreCustomer } from "@/lib/customers/queries/restore-customer";
import { CUSTOMER_CSV_COLUMNS } from "@/lib/customers/customer-csv";
import { customerName } from "@/lib/customers/customer-format";
import { PAGE_SIZES, type CustomerFilter, type PageSize } from "@/lib/customers/customer-enums";
import { customerListUrlParsers, toCustomerListQuery } from "@/lib/customers/customer-list-url";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { StaleDataNotice } from "@/components/query/stale-data-notice";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

const TABLE_ID = "customer-table";
const FILTER_LABELS: Record<CustomerFilter, string> = { all: "All customers", residential: "Residential", commercial: "Commercial", vip: "VIP" };

/**
 * The customer list. Everything that defines the view (search, type, deleted
 * shown, page, page size) lives in the URL; changing it pushes a history
 * entry so Back returns to the previous view (refining a search replaces
 * instead, so Back doesn't replay it letter by letter).
 */
export function CustomerTable({ userId, canWrite }: { userId: string; canWrite: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useQueryStates(customerListUrlParsers, { history: "push" });
  const query = toCustomerListQuery(url);
  const bulkDelete = useCustomerBulkDelete();
  const customers = useCustomers(query);
  const { mutate: restoreCustomer, isPending: restoring, variables: restoreTarget } = useRestoreCustomer();
  const { visibility, setVisibility, resetVisibility } = useStoredColumnVisibility(columnVisibilityStorageKey("customers", userId), CUSTOMER_COLUMN_DEFAULTS);

  const restoringUuid = restoring ? (restoreTarget ?? null) : null;
  const columns = useMemo(
    () =>
      customerColumns({
        canWrite,
        restoringUuid,
        onRestore: (customer: CustomerDto) =>
          restoreCustomer(customer.uuid, {
            onSuccess: () => toast.success(`${customerName(customer)} is restored.`),
            onError: (error) => toast.error(`${customerName(customer)} could not be restored. ${error.message}`),
          }),
      }),
    [canWrite, restoringUuid, restoreCustomer],
  );

  const data = customers.data;
  const { clearSelection, ...selection } = useRowSelection(JSON.stringify(query));
  const table = useDataTable({
    data: data?.customers ?? [],
    columns,
    getRowId: (customer) => customer.uuid,
    columnVisibility: visibility,
    onColumnVisibilityChange: setVisibility,
    selection: { ...selection, canSelect: (customer) => canWrite && !customer.deleted_at },
  });

  const pagination = data?.pagination;
  const pastTheEnd = pagination !== undefined && pagination.total > 0 && query.page > pagination.total_pages;
  const filtered = query.search !== "" || query.filter !== "all";

  return (
    <div className="space-y-4">
      <DataTableToolbar>
        <DataTableSearch
          id="customer-search"
          label="Search customers"
          placeholder="Name, phone, email or company"
          value={query.search}
          onSearch={(search) => void setUrl({ search: search || null, page: null }, { history: query.search === "" || search === "" ? "push" : "replace" })}
          onArrowDown={() => focusDataTable(TABLE_ID)}
        />
        <div>
          <label htmlFor="customer-filter" className="block text-sm font-medium text-slate-800">
            Customer type
          </label>
          <select
            id="customer-filter"
            value={query.filter}
            onChange={(event) => void setUrl({ filter: event.target.value as CustomerFilter, page: null })}
            className={`${inputClassName} mt-1 w-auto`}
          >
            {Object.entries(FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={query.include_deleted}
            onChange={(event) => void setUrl({ deleted: event.target.checked || null, page: null })}
            className="h-4 w-4 accent-brand-700"
          />
          Show deleted
        </label>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {canWrite && (
            <BulkDelete
              kind={bulkDelete}
              selected={selectedRows(table)}
              onClearSelection={clearSelection}
              note="Deleting customers does not delete their jobs: open jobs stay on the board, and technicians may still be sent."
            />
          )}
          <ColumnVisibilityMenu table={table} onReset={resetVisibility} />
          <CsvExport
            total={pagination?.total ?? null}
            itemLabel={{ one: "customer", many: "customers" }}
            columns={CUSTOMER_CSV_COLUMNS}
            getRowId={(customer) => customer.uuid}
            pageSize={100}
            fetchPage={async (page, _pageSize, signal) => {
              const result = await getCustomers({ ...query, page, limit: 100 }, signal);
              return { rows: result.customers, totalPages: result.pagination.total_pages };
            }}
            fileName={() =>
              csvFileName([
                "customers",
                query.filter === "all" ? null : query.filter,
                query.search ? `search ${query.search}` : null,
                query.include_deleted ? "with deleted" : null,
              ])
            }
          />
        </div>
      </DataTableToolbar>

      <p className="text-sm text-slate-600">
        Newest first: the CRM lists customers in the order they were added.{" "}
        <span className="hidden sm:inline">
          Press <kbd className="rounded border border-slate-300 px-1 text-xs">/</kbd> to search,{" "}
          <kbd className="rounded border border-slate-300 px-1 text-xs">↑</kbd> <kbd className="rounded border border-slate-300 px-1 text-xs">↓</kbd> to move,
          {canWrite ? " Space to select," : ""} Enter to open.
        </span>
      </p>

      <StaleDataNotice queryKeys={[customerKeys.list(query)]} />
      <DataTable
        id={TABLE_ID}
        table={table}
        caption="Customers, newest first"
        // On a phone the table scrolls sideways in its frame; this keeps rows one or two lines high there.
        minWidthClassName="min-w-[64rem]"
        onOpenRow={(customer) => router.push(`/customers/${customer.uuid}`)}
        isLoading={customers.isPending}
        isRefreshing={customers.isPlaceholderData}
        rowClassName={(customer) => (customer.deleted_at ? "bg-slate-50 text-slate-600" : "")}
        errorState={customers.isError ? <LoadErrorMessage title="The customers could not be loaded." query={customers} /> : undefined}
        emptyState={
          pastTheEnd ? (
            <TableMessage
              title={`Page ${query.page} is past the end of this list.`}
              action={{ label: "Go to page 1", onClick: () => void setUrl({ page: null }) }}
            >
              The list has {pagination.total_pages} page{pagination.total_pages === 1 ? "" : "s"}.
            </TableMessage>
          ) : filtered ? (
            <TableMessage
              title={query.search ? `No customers match “${query.search}”.` : `No ${FILTER_LABELS[query.filter].toLowerCase()} customers.`}
              action={{ label: "Clear search and filters", onClick: () => void setUrl({ search: null, filter: null, page: null }) }}
            >
              Check the spelling, or search by phone number or email instead.
            </TableMessage>
          ) : (
            <TableMessage title="No customers yet.">Customers you add appear here, newest first.</TableMessage>
          )
        }
      />

      {pagination && pagination.total > 0 && (
        <Pagination
          label="Customer pages"
          page={query.page}
          pageCount={pagination.total_pages}
          pageSize={query.limit}
          pageSizes={PAGE_SIZES}
          total={pagination.total}
          itemsLabel="customers"
          disabled={customers.isFetching}
          onPageChange={(page) => void setUrl({ page: page === 1 ? null : page })}
          onPageSizeChange={(limit) => void setUrl({ limit: limit as PageSize, page: null })}
        />
      )}
    </div>
  );
}
