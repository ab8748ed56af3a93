"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { Table } from "@tanstack/react-table";
import type ColumnVisibilityDropdownComponent from "@/components/data-table/column-visibility-dropdown";
import { secondaryButtonClassName } from "@/components/ui/field";

// The menu (Radix and its positioning) loads when the button is first pointed at, focused or pressed: lists don't carry it up front.
const loadMenu = () => import("@/components/data-table/column-visibility-dropdown");

/** The columns a person may hide; the others (`enableHiding: false`) always show. */
export function hideableColumns<TData>(table: Table<TData>) {
  return table.getAllLeafColumns().filter((column) => column.getCanHide());
}

/**
 * The "Columns" button of a table's toolbar. Until first pressed it is a plain
 * button with the same name; pressing it loads the menu and opens it. The
 * plain button stays (and keeps the focus) until the menu is there.
 */
export function ColumnVisibilityMenu<TData>({ table, onReset }: { table: Table<TData>; onReset?: () => void }) {
  const [Menu, setMenu] = useState<typeof ColumnVisibilityDropdownComponent | null>(null);
  const hidden = hideableColumns(table).filter((column) => !column.getIsVisible()).length;
  const label = `Columns${hidden > 0 ? ` (${hidden} hidden)` : ""}`;
  if (Menu) return <Menu table={table} onReset={onReset} label={label} defaultOpen />;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      className={secondaryButtonClassName}
      onPointerEnter={() => void loadMenu()}
      onFocus={() => void loadMenu()}
      onClick={() =>
        void loadMenu()
          .then((module) => setMenu(() => module.default))
          .catch(() => toast.error("The column menu could not be loaded. Reload the page and try again."))
      }
    >
      {label}
    </button>
  );
}
