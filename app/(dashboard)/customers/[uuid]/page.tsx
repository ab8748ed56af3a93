import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CustomerDetail } from "@/components/customers/detail/customer-detail";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { customerName } from "@/lib/customers/customer-format";
import { loadCustomer } from "@/lib/customers/load-customer.server";
import { prefetchCustomerPage } from "@/lib/customers/prefetch-customers.server";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { cache } from "react";

type Props = { params: Promise<{ uuid: string }> };

/**
 * The title and the page read the customer once per request between them
 * (React's request cache), so the page costs one CRM read even with the shared
 * cache off, and the title always names the record the page shows.
 */
const readCustomer = cache(async (uuid: string) => {
  const user = await requirePageUser();
  return runAsRequester(user, () => loadCustomer(uuid));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Metadata is rendered beside the page, not after it: check the session here too, so no stranger's
  // request ever reads the CRM or learns a name from the title.
  await requirePageUser();
  const { uuid } = await params;
  if (!z.uuid().safeParse(uuid).success) return { title: "Customer" };
  const read = await readCustomer(uuid);
  return { title: read.state === "ok" ? customerName(read.customer) : "Customer" };
}

/**
 * One customer, deleted ones included (the page then says so and offers
 * Restore). The record, its first page of jobs and its history are read on
 * the server; if the CRM fails here the page still renders and the browser
 * retries with a Retry button.
 */
export default async function CustomerPage({ params }: Props) {
  const user = await requirePageUser();
  const { uuid } = await params;
  if (!z.uuid().safeParse(uuid).success) notFound();
  const read = await readCustomer(uuid);
  if (read.state === "not_found") notFound();
  const queryClient = makeQueryClient();
  if (read.state === "ok") await runAsRequester(user, () => prefetchCustomerPage(queryClient, read.customer, read.staleSince));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CustomerDetail uuid={uuid} canWrite={can(user.role, "write")} />
    </HydrationBoundary>
  );
}
