import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { CallerLookup } from "@/components/customers/lookup/caller-lookup";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { prefetchLookup } from "@/lib/customers/prefetch-customers.server";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Caller lookup" };

/** Reached with ?q= (Back from a customer, a shared link): the matches are read on the server so they show at once. */
export default async function LookupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const queryClient = makeQueryClient();
  await runAsRequester(user, () => prefetchLookup(queryClient, q));
  const timeZone = await viewerTimeZone();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Caller lookup</h1>
        <p className="mt-1 text-sm text-slate-600">Find who is calling and what is already booked for them, by phone, email, name or address.</p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CallerLookup canWrite={can(user.role, "write")} timeZone={timeZone} />
      </HydrationBoundary>
    </div>
  );
}
