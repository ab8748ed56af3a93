"use client";

import "@/components/data-table/column-meta";
import { flexRender, type Header, type Row, type Table } from "@tanstack/react-table";
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { nextSort, type ListSort } from "@/lib/lists/list-sort";

/**
 * The generic list table of the dashboard (customers, jobs, a customer's jobs).
 *
 * Usage: build a TanStack table with `useReactTable({ data, columns, getRowId,
 * getCoreRowModel: getCoreRowModel(), manualPagination: true, state: {
 * columnVisibility }, onColumnVisibilityChange })` and pass it as `table`.
 * Pagination, search and filters are the caller's (server-side: the CRM pages
 * and filters, this component only renders the page it is given). Column
 * `meta` (see column-meta.ts) gives each column a menu label and classes.
 *
 * Keyboard: rows use a roving tabindex, so Tab enters the table at the active
 * row and leaves it with the next Tab. ArrowDown/j and ArrowUp/k move between
 * rows, Home/End jump to the first/last, Enter (or a click on the row outside
 * its links and buttons) calls `onOpenRow`, Space ticks the row in tables
 * that offer selection (see selectionColumn). `focusDataTable(id)` moves
 * focus into the table from elsewhere, e.g. ArrowDown in the search box.
 *
 * States: `isLoading` (no data yet) shows skeleton rows; `errorState` replaces
 * the body (give it a Retry button); `emptyState` shows when there are no rows;
 * `isRefreshing` dims the previous page while the next one loads.
 *
 * Sorting is the server's, over the whole list (the CRM has no sort; the
 * mirror sorts, ADR-017): given `sort` and `onSortChange`, each column with a
 * `meta.sortKey` gets a button in its header (ascending, descending, then
 * back to the list's own order) and `aria-sort` on the sorted one. Sorting
 * one page here would pretend to sort the whole list; never do that.
 */
export interface DataTableProps<TData> {
  id: string;
  table: Table<TData>;
  /** Read by screen readers: what the table lists, e.g. "Customers, newest first". */
  caption: string;
  onOpenRow?: (row: TData) => void;
  isLoading?: boolean;
  isRefreshing?: boolean;
  errorState?: ReactNode;
  emptyState: ReactNode;
  skeletonRows?: number;
  /** Extra classes per row, e.g. to mark deleted records. */
  rowClassName?: (row: TData) => string;
  /** Below this width the table scrolls sideways inside its frame instead of squeezing columns. */
  minWidthClassName?: string;
  /** The list's sort (null: its own order); with onSortChange, the sortable headers become buttons. */
  sort?: ListSort | null;
  onSortChange?: (sort: ListSort | null) => void;
}

const INTERACTIVE = "a, button, input, select, textarea, label, [role='menuitem'], [role='checkbox']";
const TEXT_ENTRY = "input, select, textarea, [contenteditable='true']";

export function focusDataTable(id: string): boolean {
  const row = document.querySelector<HTMLTableRowElement>(`#${CSS.escape(id)} tbody tr[tabindex="0"]`);
  row?.focus();
  return row !== null;
}

export function DataTable<TData>({
  id,
  table,
  caption,
  onOpenRow,
  isLoading = false,
  isRefreshing = false,
  errorState,
  emptyState,
  skeletonRows = 8,
  rowClassName,
  minWidthClassName = "min-w-[48rem]",
  sort = null,
  onSortChange,
}: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  function focusRow(index: number) {
    const clamped = Math.max(0, Math.min(index, rows.length - 1));
    setActive(clamped);
    rowRefs.current[clamped]?.focus();
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row<TData>) {
    const target = event.target as HTMLElement;
    if (target.closest(TEXT_ENTRY) || event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case "ArrowDown":
      case "j":
        event.preventDefault();
        focusRow(index + 1);
        break;
      case "ArrowUp":
      case "k":
        event.preventDefault();
        focusRow(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusRow(0);
        break;
      case "End":
        event.preventDefault();
        focusRow(rows.length - 1);
        break;
      case "Enter":
        // On a link or button inside the row, Enter does what that control does.
        if (target !== event.currentTarget || !onOpenRow) return;
        event.preventDefault();
        onOpenRow(row.original);
        break;
      case " ":
        // Ticks the row's checkbox (tables with a selection column), as Space would on the checkbox itself.
        if (target !== event.currentTarget || !row.getCanSelect()) return;
        event.preventDefault();
        row.toggleSelected();
        break;
    }
  }

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, index: number, row: Row<TData>) {
    setActive(index);
    if (!onOpenRow || (event.target as HTMLElement).closest(INTERACTIVE)) return;
    // Selecting text to copy a phone number must not open the record.
    if (window.getSelection()?.toString()) return;
    onOpenRow(row.original);
  }

  const showRows = !isLoading && !errorState && rows.length > 0;

  return (
    <div
      id={id}
      role="region"
      aria-label={caption}
      // A region that scrolls sideways must be reachable by keyboard; rows are, when there are any.
      tabIndex={showRows ? undefined : 0}
      // relative: screen-reader-only text in far columns is absolutely positioned; it must be clipped
      // by this frame, not widen the whole page on a phone.
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className={`w-full text-sm ${minWidthClassName}`} aria-busy={isLoading || isRefreshing}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortKey = onSortChange ? header.column.columnDef.meta?.sortKey : undefined;
                const sorted = sortKey !== undefined && sort?.key === sortKey ? sort.direction : null;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={`px-3 py-2 font-medium ${header.column.columnDef.meta?.headerClassName ?? ""}`}
                  >
                    {header.isPlaceholder ? null : sortKey !== undefined && onSortChange ? (
                      <SortButton header={header} sorted={sorted} onClick={() => onSortChange(nextSort(sort, sortKey))} />
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={isRefreshing ? "opacity-60 transition-opacity" : undefined}>
          {isLoading &&
            Array.from({ length: skeletonRows }, (_, index) => (
              <tr key={`skeleton-${index}`} aria-hidden="true" className="border-b border-slate-100">
                {columns.map((column) => (
                  <td key={column.id} className="px-3 py-3">
                    <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200" />
                  </td>
                ))}
              </tr>
            ))}
          {!isLoading && errorState && (
            <tr>
              <td colSpan={columns.length} className="px-4 py-8">
                {errorState}
              </td>
            </tr>
          )}
          {!isLoading && !errorState && rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="px-4 py-8">
                {emptyState}
              </td>
            </tr>
          )}
          {showRows &&
            rows.map((row, index) => (
              <tr
                key={row.id}
                ref={(element) => {
                  rowRefs.current[index] = element;
                }}
                tabIndex={index === activeIndex ? 0 : -1}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) setActive(index);
                }}
                onKeyDown={(event) => onRowKeyDown(event, index, row)}
                onClick={(event) => onRowClick(event, index, row)}
                className={`border-b border-slate-100 last:border-0 focus-visible:bg-brand-50 focus-visible:-outline-offset-2 ${
                  onOpenRow ? "cursor-pointer hover:bg-slate-50" : ""
                } ${row.getIsSelected() ? "bg-brand-50" : ""} ${rowClassName?.(row.original) ?? ""}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 align-top ${cell.column.columnDef.meta?.cellClassName ?? ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** A sortable header's button: its name is the column's; the arrow shows the order (aria-sort on the header says it to screen readers). */
function SortButton<TData>({ header, sorted, onClick }: { header: Header<TData, unknown>; sorted: "asc" | "desc" | null; onClick: () => void }) {
  const label = header.column.columnDef.meta?.label ?? header.column.id;
  const next = sorted === null ? "ascending" : sorted === "asc" ? "descending" : "the list's own order";
  return (
    <button
      type="button"
      onClick={onClick}
      title={`Sort by ${label}: ${next}`}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {flexRender(header.column.columnDef.header, header.getContext())}
      <span aria-hidden="true" className={sorted ? "text-slate-900" : "text-slate-400"}>
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
      </span>
    </button>
  );
}
