"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { DataTable, focusDataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { TableMessage } from "@/components/data-table/table-message";
import { DataTableSearch, DataTableToolbar } from "@/components/data-table/toolbar";
import { selectedRows, useDataTable } from "@/components/data-table/use-data-table";
import { useRowSelection } from "@/components/data-table/use-row-selection";
import { primaryButtonClassName } from "@/components/ui/field";
import { RestoreDialog } from "@/components/trash/restore-dialog";
import { trashColumns } from "@/components/trash/trash-columns";
import { TrashFullPass } from "@/components/trash/trash-full-pass";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { useTrashPage } from "@/lib/trash/queries/get-trash";
import { useRestoreFromTrash } from "@/lib/trash/queries/restore-from-trash";
import type { RestoreItem } from "@/lib/trash/restore-run";
import { TRASH_PAGE_SIZE, TRASH_TABS, type TrashResource, type TrashRow } from "@/lib/trash/trash-types";
import { toTrashQuery, trashUrlParsers, type TrashQuery } from "@/lib/trash/trash-url";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

const TAB_LABELS = { customers: "Deleted customers", jobs: "Deleted jobs" } as const;

/**
 * The trash: deleted customers and deleted jobs, a tab each, with when and by
 * whom, a search, restore one or several. Answered from the mirror (every
 * deleted record it knows, wherever it was deleted), with its age and a full
 * pass on demand. The view (tab, search, page) is in the URL.
 */
export function TrashScreen({ canWrite, timeZone }: { canWrite: boolean; timeZone: string }) {
  const [url, setUrl] = useQueryStates(trashUrlParsers, { history: "push" });
  const query = toTrashQuery(url);

  return (
    <Tabs.Root value={query.tab} onValueChange={(tab) => void setUrl({ tab: tab as TrashQuery["tab"], search: null, page: null })} activationMode="manual">
      <Tabs.List aria-label="What was deleted" className="flex gap-1 border-b border-slate-200">
        {(Object.keys(TAB_LABELS) as Array<keyof typeof TAB_LABELS>).map((tab) => (
          <Tabs.Trigger
            key={tab}
            value={tab}
            className="-mb-px rounded-t-md border border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-slate-200 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-brand-800"
          >
            {TAB_LABELS[tab]}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {(Object.keys(TAB_LABELS) as Array<keyof typeof TAB_LABELS>).map((tab) => (
        <Tabs.Content key={tab} value={tab} className="pt-4 focus-visible:outline-none">
          <TrashPanel resource={TRASH_TABS[tab]} query={query} canWrite={canWrite} timeZone={timeZone} onChange={(change) => void setUrl(change)} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

function TrashPanel({
  resource,
  query,
  canWrite,
  timeZone,
  onChange,
}: {
  resource: TrashResource;
  query: TrashQuery;
  canWrite: boolean;
  timeZone: string;
  onChange: (change: { search?: string | null; page?: number | null }) => void;
}) {
  const router = useRouter();
  const restoreFromTrash = useRestoreFromTrash();
  const trash = useTrashPage(query);
  const noun = resource === "customer" ? "customers" : "jobs";
  const tableId = `trash-${noun}`;
  const rows = useMemo(() => trash.data?.rows ?? [], [trash.data]);

  const [restoring, setRestoring] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<{ title: string; items: RestoreItem[]; optional?: RestoreItem[]; optionalLabel?: string } | null>(null);
  // Selection belongs to the rows on screen: a new tab, search or page starts afresh.
  const { clearSelection, ...selection } = useRowSelection(JSON.stringify(query));

  function itemOf(row: TrashRow): RestoreItem {
    return { resource: row.resource, uuid: row.uuid, label: row.label, expectedDeletedAt: row.deleted_at };
  }

  async function restoreOne(row: TrashRow) {
    if (row.resource === "customer" && row.jobs_deleted_with.length > 0) {
      const count = row.jobs_deleted_with.length;
      setDialog({
        title: `Restore ${row.label}?`,
        items: [itemOf(row)],
        optional: row.jobs_deleted_with.map((job) => ({ resource: "job", uuid: job.uuid, label: job.label })),
        optionalLabel: `Also restore the ${count === 1 ? "job" : `${count} jobs`} deleted with them`,
      });
      return;
    }
    setRestoring((current) => new Set(current).add(row.uuid));
    try {
      await restoreFromTrash.mutateAsync({ resource: row.resource, uuid: row.uuid, expectedDeletedAt: row.deleted_at });
      toast.success(`${row.label} is restored.`, {
        action: { label: "Open", onClick: () => router.push(row.resource === "customer" ? `/customers/${row.uuid}` : `/jobs/${row.uuid}`) },
      });
    } catch (error) {
      toast.error(error instanceof ApiRequestError || error instanceof Error ? error.message : `${row.label} could not be restored.`);
    } finally {
      setRestoring((current) => {
        const next = new Set(current);
        next.delete(row.uuid);
        return next;
      });
    }
  }

  const columns = trashColumns({ resource, canWrite, onRestore: (row) => void restoreOne(row), restoringUuids: restoring });
  const table = useDataTable({ data: rows, columns, getRowId: (row) => row.uuid, selection: { ...selection, canSelect: () => canWrite } });
  const visibleSelected = selectedRows(table);

  const data = trash.data;
  const total = data?.pagination.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / TRASH_PAGE_SIZE));

  return (
    <div className="space-y-4">
      {canWrite && <TrashFullPass noun={noun} timeZone={timeZone} />}
      {data && <MirrorFreshness asOf={data.asOf} timeZone={timeZone} canSync={canWrite} />}
      <DataTableToolbar>
        <DataTableSearch
          id={`${tableId}-search`}
          label={`Search deleted ${noun}`}
          placeholder={resource === "customer" ? "Name, company, phone or email" : "Title, job number or customer"}
          value={query.search}
          onSearch={(search) => onChange({ search: search || null, page: null })}
          onArrowDown={() => focusDataTable(tableId)}
        />
        {canWrite && (
          <button
            type="button"
            className={`${primaryButtonClassName} ml-auto`}
            disabled={visibleSelected.length === 0}
            onClick={() =>
              setDialog({
                title: `Restore ${visibleSelected.length} deleted ${visibleSelected.length === 1 ? resource : noun}?`,
                items: visibleSelected.map(itemOf),
              })
            }
          >
            Restore selected{visibleSelected.length > 0 ? ` (${visibleSelected.length})` : ""}
          </button>
        )}
      </DataTableToolbar>

      <p className="text-sm text-slate-600" aria-live="polite">
        {data && (
          <>
            Most recently deleted first.
            {data.removed > 0 && ` ${data.removed === 1 ? "1 record was" : `${data.removed} records were`} back in use in the CRM and left the trash.`}
          </>
        )}
      </p>

      <DataTable
        id={tableId}
        table={table}
        caption={`Deleted ${noun}, most recently deleted first`}
        isLoading={trash.isPending}
        isRefreshing={trash.isFetching && !trash.isPending}
        onOpenRow={(row) => router.push(row.resource === "customer" ? `/customers/${row.uuid}` : `/jobs/${row.uuid}`)}
        errorState={trash.isError ? <LoadErrorMessage title="The trash could not be loaded" query={trash} /> : undefined}
        emptyState={
          query.search ? (
            <TableMessage
              title={`No deleted ${noun} match “${query.search}”`}
              action={{ label: "Clear the search", onClick: () => onChange({ search: null, page: null }) }}
            />
          ) : (
            <TableMessage title={`No deleted ${noun}`}>
              Tradesdesk&apos;s copy of the CRM holds no deleted {noun}.
              {canWrite ? ` Deletions made elsewhere since the last full pass show after the next one.` : ""}
            </TableMessage>
          )
        }
        minWidthClassName="min-w-[44rem]"
      />

      {total > 0 && (
        <Pagination
          label={`Pages of deleted ${noun}`}
          page={query.page}
          pageCount={pageCount}
          pageSize={TRASH_PAGE_SIZE}
          pageSizes={[TRASH_PAGE_SIZE]}
          total={total}
          itemsLabel={`deleted ${noun}`}
          onPageChange={(page) => onChange({ page: page === 1 ? null : page })}
          disabled={trash.isFetching}
        />
      )}

      {dialog && (
        <RestoreDialog
          open
          onOpenChange={(open) => {
            if (!open) setDialog(null);
          }}
          title={dialog.title}
          items={dialog.items}
          optionalItems={dialog.optional}
          optionalLabel={dialog.optionalLabel}
          onFinished={(back) => {
            if (back.length > 0) clearSelection();
          }}
        />
      )}
    </div>
  );
}
