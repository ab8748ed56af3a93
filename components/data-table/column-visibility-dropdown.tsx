"use client";

import "@/components/data-table/column-meta";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { Table } from "@tanstack/react-table";
import { hideableColumns } from "@/components/data-table/column-visibility-menu";
import { secondaryButtonClassName } from "@/components/ui/field";

/**
 * The "Columns" menu itself (column-visibility-menu.tsx loads it on first
 * use): one checkbox per column that may be hidden (columns with
 * `enableHiding: false` stay), named by `meta.label`. The menu stays open
 * while ticking, so several columns can be changed in one go.
 */
export default function ColumnVisibilityDropdown<TData>({
  table,
  onReset,
  label,
  defaultOpen,
}: {
  table: Table<TData>;
  onReset?: () => void;
  label: string;
  defaultOpen?: boolean;
}) {
  const columns = hideableColumns(table);
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={secondaryButtonClassName}>{label}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-slate-600">Show columns</DropdownMenu.Label>
          {columns.map((column) => (
            <DropdownMenu.CheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(checked) => column.toggleVisibility(checked)}
              onSelect={(event) => event.preventDefault()}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-brand-50"
            >
              <span aria-hidden="true" className="inline-flex h-4 w-4 items-center justify-center rounded border border-slate-400 text-xs">
                <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
              </span>
              {column.columnDef.meta?.label ?? column.id}
            </DropdownMenu.CheckboxItem>
          ))}
          {onReset && (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
              <DropdownMenu.Item onSelect={onReset} className="cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-brand-50">
                Show the usual columns
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
