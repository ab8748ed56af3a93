import type { Metadata } from "next";
import { z } from "zod";
import { AccessDenied } from "@/components/errors/access-denied";
import { JobForm } from "@/components/jobs/form/job-form";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { CrmError } from "@/lib/crm/errors.server";
import { getCustomer } from "@/lib/crm/customers.server";
import type { CustomerRecord } from "@/lib/jobs/job-types";

export const metadata: Metadata = { title: "New job" };

/**
 * A new job. "New job" on a customer's page links here with
 * ?customer_uuid=<uuid>: that customer is read (one CRM request) and chosen.
 */
export default async function NewJobPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, "write")) return <AccessDenied what="creating jobs" />;
  const requested = (await searchParams).customer_uuid;
  const customerUuid = Array.isArray(requested) ? requested[0] : requested;
  const { customer, notice } = await runAsRequester(user, () => preselectedCustomer(customerUuid));

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New job</h1>
        <p className="mt-1 text-sm text-slate-600">Fields marked optional can be filled in later.</p>
      </div>
      <JobForm mode="create" initialCustomer={customer} customerNotice={notice} />
    </div>
  );
}

async function preselectedCustomer(uuid: string | undefined): Promise<{ customer: CustomerRecord | null; notice?: string }> {
  if (!uuid) return { customer: null };
  if (!z.guid().safeParse(uuid).success) return { customer: null, notice: "The link named a customer that doesn't exist. Choose one." };
  try {
    return { customer: (await getCustomer(uuid)).data };
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found")
      return { customer: null, notice: "The customer from the link wasn't found (deleted?). Choose one." };
    if (error instanceof CrmError) return { customer: null, notice: "The customer from the link couldn't be loaded right now. Choose one, or reload." };
    throw error;
  }
}
