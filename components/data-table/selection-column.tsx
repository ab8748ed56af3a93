"use client";

import "@/components/data-table/column-meta";
import type { ColumnDef } from "@tanstack/react-table";

function SelectCheckbox({
  label,
  checked,
  indeterminate = false,
  disabled = false,
  inTabOrder,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  inTabOrder: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    // The label widens the click target to the whole cell; DataTable doesn't open the row on a click inside a label.
    <label className="-m-2 flex cursor-pointer items-center justify-center p-2">
      <input
        type="checkbox"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        ref={(element) => {
          if (element) element.indeterminate = indeterminate;
        }}
        // Rows are reached with the arrow keys and ticked with Space on the row; a tab stop per row would make
        // leaving the table take a hundred presses of Tab.
        tabIndex={inTabOrder ? undefined : -1}
        onChange={(event) => onChange(event.target.checked)}
        className="h-4 w-4 cursor-pointer rounded border-slate-400 accent-brand-700 disabled:cursor-not-allowed"
      />
    </label>
  );
}

/**
 * A first column of checkboxes for tables with bulk actions (pass `selection`
 * to useDataTable too). The header ticks every selectable row of the page on
 * screen, and only those: the CRM pages the list, and nothing off screen can
 * be ticked. Rows that can't be selected (useDataTable's `canSelect`) get no
 * checkbox. `label(row)` names a row's checkbox: "Select Ada Lovelace".
 */
export function selectionColumn<TData>(label: (row: TData) => string): ColumnDef<TData> {
  return {
    id: "select",
    enableHiding: false,
    meta: { label: "Select", headerClassName: "w-10", cellClassName: "w-10" },
    header: ({ table }) => {
      const selectable = table.getRowModel().rows.some((row) => row.getCanSelect());
      return (
        <SelectCheckbox
          label="Select all on this page"
          checked={selectable && table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected()}
          disabled={!selectable}
          inTabOrder
          onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
        />
      );
    },
    cell: ({ row }) =>
      row.getCanSelect() ? (
        <SelectCheckbox
          label={`Select ${label(row.original)}`}
          checked={row.getIsSelected()}
          inTabOrder={false}
          onChange={(checked) => row.toggleSelected(checked)}
        />
      ) : null,
  };
}
