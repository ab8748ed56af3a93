import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EditCustomerScreen } from "@/components/customers/form/edit-customer-screen";
import { AccessDenied } from "@/components/errors/access-denied";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { loadCustomer } from "@/lib/customers/load-customer.server";
import { makeQueryClient } from "@/lib/query/make-query-client";

export const metadata: Metadata = { title: "Edit customer" };

/** Read fresh (not from the shared cache): the edit's "last updated" must be the record's latest. */
export default async function EditCustomerPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await requirePageUser();
  if (!can(user.role, "write")) return <AccessDenied what="editing customers" />;
  const { uuid } = await params;
  if (!z.uuid().safeParse(uuid).success) notFound();
  const read = await runAsRequester(user, () => loadCustomer(uuid, { fresh: true }));
  if (read.state === "not_found") notFound();
  const queryClient = makeQueryClient();
  if (read.state === "ok") queryClient.setQueryData(customerKeys.detail(uuid), read.customer);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EditCustomerScreen uuid={uuid} />
    </HydrationBoundary>
  );
}
