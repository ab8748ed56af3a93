"use client";

import { TableHint } from "@/components/data-table/table-hint";
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
import { LEAD_SOURCES, PAGE_SIZES, type CustomerFilter, type PageSize } from "@/lib/customers/customer-enums";
import {
  MAX_CITY,
  MAX_TAG,
  MAX_ZIP,
  checkCustomerListUrl,
  customerFiltersOn,
  customerListUrlParsers,
  type CustomerListQuery,
  type CustomerTableSortKey,
  type CustomerUrlProblems,
} from "@/lib/customers/customer-list-url";
import { sortParam, type ListSort } from "@/lib/lists/list-sort";
import { FilterTextInput } from "@/components/data-table/filter-text-input";
import { FiltersOn } from "@/components/data-table/filters-on";
import { ListSourceNotice } from "@/components/data-table/list-source-notice";
import { UnreadableRecordsNotice } from "@/components/data-table/unreadable-records-notice";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { StaleDataNotice } from "@/components/query/stale-data-notice";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

const TABLE_ID = "customer-table";
const FILTER_LABELS: Record<CustomerFilter, string> = { all: "All customers", residential: "Residential", commercial: "Commercial", vip: "VIP" };
const OPT_IN_CHOICES = [
  ["", "Any"],
  ["true", "Opted in"],
  ["false", "Not opted in"],
] as const;
const NO_FILTERS = { search: null, filter: null, tag: null, lead_source: null, email_opt_in: null, sms_opt_in: null, city: null, zip: null, page: null };

/** The filters on, in words, for the "filters on" line. */
function filtersInWords(query: CustomerListQuery): string[] {
  const words: string[] = [];
  if (query.search) words.push(`search “${query.search}”`);
  if (query.filter !== "all") words.push(FILTER_LABELS[query.filter]);
  if (query.tag) words.push(`tag “${query.tag}”`);
  if (query.lead_source) words.push(`lead source ${query.lead_source}`);
  if (query.email_opt_in !== undefined) words.push(query.email_opt_in ? "email opt-in" : "no email opt-in");
  if (query.sms_opt_in !== undefined) words.push(query.sms_opt_in ? "SMS opt-in" : "no SMS opt-in");
  if (query.city) words.push(`city “${query.city}”`);
  if (query.zip) words.push(`ZIP starting ${query.zip}`);
  return words;
}

const SORT_LABELS: Record<CustomerTableSortKey, string> = {
  last_name: "Name",
  company_name: "Company",
  customer_type: "Type",
  phone: "Phone",
  email: "Email",
  physical_address: "Physical address",
  tags: "Tags",
  created_at: "Added",
};

/** "sorted by Name, ascending" for the caption and the line above the table. */
function sortInWords(sort: ListSort<CustomerTableSortKey> | undefined): string | null {
  if (!sort) return null;
  return `sorted by ${SORT_LABELS[sort.key]}, ${sort.direction === "asc" ? "ascending" : "descending"}`;
}

/**
 * The customer list. Everything that defines the view (search, type, deleted
 * shown, page, page size) lives in the URL; changing it pushes a history
 * entry so Back returns to the previous view (refining a search replaces
 * instead, so Back doesn't replay it letter by letter).
 */
export function CustomerTable({ userId, canWrite, timeZone }: { userId: string; canWrite: boolean; timeZone: string }) {
  const router = useRouter();
  const [url, setUrl] = useQueryStates(customerListUrlParsers, { history: "push" });
  const { query, problems } = checkCustomerListUrl(url);
  const problemKeys = Object.keys(problems) as Array<keyof CustomerUrlProblems>;
  const bulkDelete = useCustomerBulkDelete();
  // A hand-edited value the screen does not offer loads nothing: the table says what and offers to remove it (ADR-017).
  const customers = useCustomers(query, problemKeys.length === 0);
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
  const filtered = customerFiltersOn(query);
  const sortWords = sortInWords(query.sort);
  const changeSort = (sort: ListSort | null) => void setUrl({ sort: sort ? sortParam(sort) : null, page: null });
  const removeProblems = () => void setUrl({ ...Object.fromEntries(problemKeys.map((key) => [key, null])), page: null });

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
        <FilterTextInput
          id="customer-filter-tag"
          label="Tag"
          value={query.tag ?? ""}
          maxLength={MAX_TAG}
          onCommit={(tag) => void setUrl({ tag: tag || null, page: null })}
          className="w-full sm:w-32"
        />
        <div>
          <label htmlFor="customer-filter-lead-source" className="block text-sm font-medium text-slate-800">
            Lead source
          </label>
          <select
            id="customer-filter-lead-source"
            value={query.lead_source ?? ""}
            onChange={(event) => void setUrl({ lead_source: event.target.value || null, page: null })}
            className={`${inputClassName} mt-1 w-auto`}
          >
            <option value="">Any</option>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {source}
              </option>
            ))}
          </select>
        </div>
        {(["email_opt_in", "sms_opt_in"] as const).map((key) => (
          <div key={key}>
            <label htmlFor={`customer-filter-${key}`} className="block text-sm font-medium text-slate-800">
              {key === "email_opt_in" ? "Email opt-in" : "SMS opt-in"}
            </label>
            <select
              id={`customer-filter-${key}`}
              value={query[key] === undefined ? "" : String(query[key])}
              onChange={(event) => void setUrl({ [key]: event.target.value || null, page: null })}
              className={`${inputClassName} mt-1 w-auto`}
            >
              {OPT_IN_CHOICES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <FilterTextInput
          id="customer-filter-city"
          label="City"
          value={query.city ?? ""}
          maxLength={MAX_CITY}
          onCommit={(city) => void setUrl({ city: city || null, page: null })}
        />
        <FilterTextInput
          id="customer-filter-zip"
          label="ZIP"
          value={query.zip ?? ""}
          maxLength={MAX_ZIP}
          placeholder="Starts with"
          onCommit={(zip) => void setUrl({ zip: zip || null, page: null })}
          className="w-full sm:w-28"
        />
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
              note="Jobs that are Complete or Invoiced stay as they are. Open jobs left on the board may still send technicians out."
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
                query.tag ? `tag ${query.tag}` : null,
                query.city ? `city ${query.city}` : null,
                query.include_deleted ? "with deleted" : null,
                sortWords,
              ])
            }
          />
        </div>
      </DataTableToolbar>

      <FiltersOn filters={filtersInWords(query)} onClear={() => void setUrl(NO_FILTERS)} />

      <TableHint
        sortWords={sortWords}
        defaultOrder="the CRM lists customers in the order they were added"
        onNewestFirst={() => changeSort(null)}
        canSelect={canWrite}
        searchKey
      />

      <StaleDataNotice queryKeys={[customerKeys.list(query)]} />
      {problemKeys.length === 0 && <ListSourceNotice source={data?.source} timeZone={timeZone} canSync={canWrite} />}
      <UnreadableRecordsNotice records={data?.unreadable} noun="customer" hrefFor={(uuid) => `/customers/${uuid}`} />
      <DataTable
        id={TABLE_ID}
        table={table}
        caption={`Customers, ${sortWords ?? "newest first"}`}
        sort={query.sort ?? null}
        onSortChange={changeSort}
        // On a phone the table scrolls sideways in its frame; this keeps rows one or two lines high there. Fixed layout:
        // the columns share the width there is (customer-columns.tsx), so at 1366 px nothing scrolls sideways.
        minWidthClassName="min-w-[64rem] table-fixed"
        onOpenRow={(customer) => router.push(`/customers/${customer.uuid}`)}
        // A query that is not enabled stays "pending": it is not loading, the table says why.
        isLoading={problemKeys.length === 0 && customers.isPending}
        isRefreshing={customers.isPlaceholderData}
        rowClassName={(customer) => (customer.deleted_at ? "bg-slate-50 text-slate-600" : "")}
        errorState={
          problemKeys.length > 0 ? (
            <TableMessage
              title="The address of this page asks for something the list doesn't offer."
              tone="error"
              action={{ label: "Remove it", onClick: removeProblems }}
            >
              {problemKeys.map((key) => problems[key]).join(" ")} No customers were loaded.
            </TableMessage>
          ) : customers.isError ? (
            <LoadErrorMessage title="The customers could not be loaded." query={customers} />
          ) : undefined
        }
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
              title={
                query.search
                  ? `No customers match “${query.search}”.`
                  : query.filter !== "all" && filtersInWords(query).length === 1
                    ? `No ${FILTER_LABELS[query.filter].toLowerCase()} customers.`
                    : "No customers match these filters."
              }
              action={{ label: "Clear search and filters", onClick: () => void setUrl(NO_FILTERS) }}
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
