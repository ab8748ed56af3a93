import "@/components/data-table/column-meta";
import type { ColumnDef } from "@tanstack/react-table";
import { secondaryButtonClassName } from "@/components/ui/field";

/** The Actions column of a list that can show deleted records: Restore on each deleted row. */
export function restoreColumn<Row extends { uuid: string; deleted_at?: string | null | undefined }>(options: {
  label: (row: Row) => string;
  restoringUuid: string | null;
  onRestore: (row: Row) => void;
}): ColumnDef<Row> {
  return {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    enableHiding: false,
    meta: { label: "Actions", cellClassName: "text-right" },
    cell: ({ row }) =>
      row.original.deleted_at ? (
        <button
          type="button"
          className={`${secondaryButtonClassName} px-2 py-1`}
          disabled={options.restoringUuid === row.original.uuid}
          onClick={() => options.onRestore(row.original)}
          aria-label={`Restore ${options.label(row.original)}`}
        >
          {options.restoringUuid === row.original.uuid ? "Restoring…" : "Restore"}
        </button>
      ) : null,
  };
}
