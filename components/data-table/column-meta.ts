import type { RowData } from "@tanstack/react-table";

/**
 * What the generic table parts read from a column definition's `meta`:
 * `label` names the column in the visibility menu (headers may be icons or
 * empty), the class names style its header and cells (e.g. "text-right",
 * "whitespace-nowrap"). `sortKey` makes the header a sort button (the key
 * the list's URL and API take, e.g. "last_name"), when the table is given
 * its sort (DataTable's `sort` and `onSortChange`).
 */
declare module "@tanstack/react-table" {
  // The type parameters must match TanStack's declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    headerClassName?: string;
    cellClassName?: string;
    sortKey?: string;
  }
}
