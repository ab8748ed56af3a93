"use client";

import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type Table,
  type VisibilityState,
} from "@tanstack/react-table";

/**
 * useReactTable set up for the dashboard's lists: rows come one server page
 * at a time (the CRM pages, filters and orders; nothing is sorted or paged
 * here), each row keeps its record's id, column visibility is the caller's
 * (see useStoredColumnVisibility).
 *
 * Rows can be ticked only when `selection` is given (see useRowSelection and
 * selectionColumn); `canSelect` leaves some out, e.g. deleted records.
 */
export function useDataTable<TData>({
  data,
  columns,
  getRowId,
  columnVisibility,
  onColumnVisibilityChange,
  selection,
}: {
  data: TData[];
  columns: ColumnDef<TData>[];
  getRowId: (row: TData) => string;
  columnVisibility?: VisibilityState;
  onColumnVisibilityChange?: OnChangeFn<VisibilityState>;
  selection?: { rowSelection: RowSelectionState; onRowSelectionChange: OnChangeFn<RowSelectionState>; canSelect: (row: TData) => boolean };
}) {
  // The table instance is mutable by design; the app doesn't run React Compiler, and this is the one
  // place the dashboard creates tables, so the rule's warning is answered here once.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    state: { ...(columnVisibility ? { columnVisibility } : {}), ...(selection ? { rowSelection: selection.rowSelection } : {}) },
    onColumnVisibilityChange,
    // TanStack lets every row be selected unless told otherwise; here only tables that offer it.
    enableRowSelection: selection ? (row) => selection.canSelect(row.original) : false,
    onRowSelectionChange: selection?.onRowSelectionChange,
  });
}

/** The ticked rows that may still be acted on (a ticked row may since have been deleted elsewhere). */
export function selectedRows<TData>(table: Table<TData>): TData[] {
  return table
    .getSelectedRowModel()
    .rows.filter((row) => row.getCanSelect())
    .map((row) => row.original);
}
