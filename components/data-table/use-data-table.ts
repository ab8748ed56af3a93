"use client";

import { getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type VisibilityState } from "@tanstack/react-table";

/**
 * useReactTable set up for the dashboard's lists: rows come one server page
 * at a time (the CRM pages, filters and orders; nothing is sorted or paged
 * here), each row keeps its record's id, column visibility is the caller's
 * (see useStoredColumnVisibility).
 */
export function useDataTable<TData>({
  data,
  columns,
  getRowId,
  columnVisibility,
  onColumnVisibilityChange,
}: {
  data: TData[];
  columns: ColumnDef<TData>[];
  getRowId: (row: TData) => string;
  columnVisibility?: VisibilityState;
  onColumnVisibilityChange?: OnChangeFn<VisibilityState>;
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
    state: columnVisibility ? { columnVisibility } : {},
    onColumnVisibilityChange,
  });
}
