import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { BulkDeleteKind } from "@/lib/bulk/bulk-delete";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";

/** What a feature gives for its bulk delete: everything but the query client, which the hook binds. */
export interface BulkDeletePieces<Row> extends Omit<BulkDeleteKind<Row>, "refresh"> {
  /** Brings the feature's own queries up to date after a delete or its undo. */
  refresh: (queryClient: QueryClient) => Promise<unknown>;
}

/**
 * A bulk-delete kind bound to the query client: the feature's own refresh,
 * and the trash, where every delete lands and every undo leaves. `pieces`
 * must be the same object from render to render (a module constant).
 */
export function useBulkDeleteKind<Row>(pieces: BulkDeletePieces<Row>): BulkDeleteKind<Row> {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({ ...pieces, refresh: () => Promise.all([pieces.refresh(queryClient), queryClient.invalidateQueries({ queryKey: trashKeys.all })]) }),
    [pieces, queryClient],
  );
}
