"use client";

import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useCallback, useState } from "react";

const NOTHING: RowSelectionState = {};

/**
 * Which rows of the page on screen are ticked, by row id, for useDataTable.
 * `viewKey` names the view (filters, page, page size): when it changes the
 * selection is emptied, so an action never reaches rows the person can no
 * longer see.
 */
export function useRowSelection(viewKey: string) {
  const [state, setState] = useState<{ viewKey: string; selection: RowSelectionState }>({ viewKey, selection: NOTHING });
  if (state.viewKey !== viewKey) setState({ viewKey, selection: NOTHING });
  const rowSelection = state.viewKey === viewKey ? state.selection : NOTHING;

  const onRowSelectionChange: OnChangeFn<RowSelectionState> = useCallback(
    (updater) =>
      setState((current) => {
        const base = current.viewKey === viewKey ? current.selection : NOTHING;
        return { viewKey, selection: typeof updater === "function" ? updater(base) : updater };
      }),
    [viewKey],
  );
  const clearSelection = useCallback(() => setState({ viewKey, selection: NOTHING }), [viewKey]);

  return { rowSelection, onRowSelectionChange, clearSelection };
}
