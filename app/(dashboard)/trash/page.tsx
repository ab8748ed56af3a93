import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { TrashScreen } from "@/components/trash/trash-screen";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import { listTrash } from "@/lib/trash/trash-service.server";
import { TRASH_TABS } from "@/lib/trash/trash-types";
import { loadTrashUrl, toTrashQuery } from "@/lib/trash/trash-url";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Trash" };

/** The trash as the URL describes it, read (from the mirror) on the server so the first paint has its rows. */
export default async function TrashPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const query = toTrashQuery(await loadTrashUrl(searchParams));
  const queryClient = makeQueryClient();
  const timeZone = await viewerTimeZone();
  const canWrite = can(user.role, "write");
  // A failure here is left to the browser's own request, which shows it with a Retry.
  await runAsRequester(user, () =>
    queryClient.prefetchQuery({ queryKey: trashKeys.page(query), queryFn: () => listTrash(TRASH_TABS[query.tab], { search: query.search, page: query.page }) }),
  );

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Trash</h1>
        <p className="mt-1 text-sm text-slate-600">
          The CRM never really deletes: deleted customers and jobs wait here{canWrite ? " until someone restores them" : ""}, wherever they were deleted.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TrashScreen canWrite={canWrite} timeZone={timeZone} />
      </HydrationBoundary>
    </div>
  );
}
