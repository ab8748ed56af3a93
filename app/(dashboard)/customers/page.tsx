import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { CustomerTable } from "@/components/customers/table/customer-table";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { checkCustomerListUrl, loadCustomerListUrl } from "@/lib/customers/customer-list-url";
import { prefetchCustomerList } from "@/lib/customers/prefetch-customers.server";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Customers" };

/**
 * The list view as the URL describes it, read on the server so the first paint has rows (1 CRM request, 0 within the
 * cache's life; none when sorted or filtered as only the mirror can). A URL asking for what the list doesn't offer
 * loads nothing: the table says what.
 */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const { query, problems } = checkCustomerListUrl(await loadCustomerListUrl(searchParams));
  const queryClient = makeQueryClient();
  if (Object.keys(problems).length === 0) await runAsRequester(user, () => prefetchCustomerList(queryClient, query));
  const timeZone = await viewerTimeZone();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
          <p className="mt-1 text-sm text-slate-600">Everyone on file in the CRM. Find a caller fast with the caller lookup.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/lookup" className={secondaryButtonClassName}>
            Caller lookup
          </Link>
          {can(user.role, "write") && (
            <Link href="/customers/new" className={primaryButtonClassName}>
              New customer
            </Link>
          )}
        </div>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CustomerTable userId={user.id} canWrite={can(user.role, "write")} timeZone={timeZone} />
      </HydrationBoundary>
    </div>
  );
}
