"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { secondaryButtonClassName } from "@/components/ui/field";
import type { PageOfRows } from "@/lib/csv/fetch-all-pages";
import type { CsvColumn } from "@/lib/csv/to-csv";
import type CsvExportDialogComponent from "@/components/data-table/csv-export-dialog";

/**
 * "Export CSV" for a server-paginated list: the whole filtered view, not just
 * the page on screen (the dialog: csv-export-dialog.tsx).
 *
 * `fetchPage(page, pageSize, signal)` must read the same filters as the view
 * on screen; `total` is that view's row count (from its pagination).
 */
export interface CsvExportProps<Row> {
  total: number | null;
  itemLabel: { one: string; many: string };
  columns: readonly CsvColumn<Row>[];
  getRowId: (row: Row) => string;
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<PageOfRows<Row>>;
  fileName: () => string;
  pageSize?: number;
}

const loadDialog = () => import("@/components/data-table/csv-export-dialog");
// The dialog, the page reader and the CSV writer load when the button is first pressed (or pointed at): lists don't carry them up front.
const CsvExportDialog = dynamic(loadDialog, { ssr: false }) as typeof CsvExportDialogComponent;

export function CsvExport<Row>(props: CsvExportProps<Row>) {
  const [open, setOpen] = useState(false);
  const count = props.total ?? 0;
  return (
    <>
      <button
        type="button"
        className={secondaryButtonClassName}
        disabled={props.total === null || count === 0}
        title={count === 0 ? `No ${props.itemLabel.many} to export` : undefined}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => setOpen(true)}
      >
        Export CSV
      </button>
      {open && <CsvExportDialog {...props} onClosed={() => setOpen(false)} />}
    </>
  );
}
