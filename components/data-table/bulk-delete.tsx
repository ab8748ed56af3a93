"use client";

import { useEffect, useState, type ReactNode } from "react";
import { toast } from "sonner";
import type BulkDeleteControlsComponent from "@/components/data-table/bulk-delete-controls";
import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";

/**
 * "Delete selected (N)" for a table with a selection column, and its dialog:
 * the records listed, the count typed to confirm, one delete request per
 * record (a few at a time) with a progress bar, then either a toast with Undo
 * (all deleted) or, in the dialog, each failure with its reason and "Try
 * again" for those only, with the same Idempotency-Key per record.
 *
 * `selected` is what is ticked now; the dialog works on the rows ticked when
 * it opened. The selection is cleared once a deletion is over, whatever its
 * outcome: what failed stays listed in the dialog until it is closed.
 */
export interface BulkDeleteProps<Row> {
  kind: BulkDeleteKind<Row>;
  selected: Row[];
  onClearSelection: () => void;
  /** Said in the confirmation, e.g. what deleting does not delete. */
  note?: ReactNode;
}

// The buttons, the dialog and the request runner load once a first row is ticked: lists don't carry them up front.
const loadControls = () => import("@/components/data-table/bulk-delete-controls");

export function BulkDelete<Row>(props: BulkDeleteProps<Row>) {
  const [Controls, setControls] = useState<typeof BulkDeleteControlsComponent | null>(null);
  const count = props.selected.length;
  useEffect(() => {
    if (count === 0 || Controls) return;
    loadControls()
      .then((module) => setControls(() => module.default))
      .catch(() => toast.error("Deleting could not be offered: part of the page did not load. Reload the page and try again."));
  }, [count, Controls]);
  if (Controls) return <Controls {...props} />;
  // Until then the same live region, saying what is ticked.
  return (
    <span aria-live="polite" className="text-sm text-slate-700">
      {count > 0 ? `${count} selected on this page` : ""}
    </span>
  );
}
