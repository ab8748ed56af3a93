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

type Props = { params: Promise<{ uuid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Metadata is rendered beside the page, not after it: check the session here too, so no stranger's
  // request ever reads the CRM or learns a name from the title.
  const user = await requirePageUser();
  const { uuid } = await params;
  if (!z.uuid().safeParse(uuid).success) return { title: "Customer" };
  // Shares the page's read through the BFF cache: costs no second CRM request.
  const read = await runAsRequester(user, () => loadCustomer(uuid));
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
  const read = await runAsRequester(user, () => loadCustomer(uuid));
  if (read.state === "not_found") notFound();
  const queryClient = makeQueryClient();
  if (read.state === "ok") await runAsRequester(user, () => prefetchCustomerPage(queryClient, read.customer, read.staleSince));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CustomerDetail uuid={uuid} canWrite={can(user.role, "write")} />
    </HydrationBoundary>
  );
}
