import type { Metadata } from "next";
import Link from "next/link";
import { CustomerForm } from "@/components/customers/form/customer-form";
import { AccessDenied } from "@/components/errors/access-denied";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { customerPrefillDefaults } from "@/lib/customers/customer-prefill-defaults";
import { findExistingFor } from "@/lib/customers/find-existing.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { ExistingCustomersNotice } from "@/components/customers/form/existing-customers";

export const metadata: Metadata = { title: "New customer" };

/**
 * ?phone=, ?email=, ?first_name=, ?last_name= come from the caller lookup: what was typed there is
 * not typed again, and a customer already on file with that phone or email is offered first.
 */
export default async function NewCustomerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, "write")) return <AccessDenied what="adding customers" />;
  const defaults = customerPrefillDefaults(await searchParams);
  // Find-or-create: a phone or email from the lookup already on file is offered before the form.
  const existing = await runAsRequester(user, () => findExistingFor(defaults));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/customers" className="text-brand-700 hover:underline">
            Customers
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">New customer</h1>
      </div>
      <ExistingCustomersNotice existing={existing} />
      <CustomerForm mode={{ kind: "create", defaults }} />
    </div>
  );
}
