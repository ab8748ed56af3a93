import type { Metadata } from "next";
import Link from "next/link";
import { CustomerForm } from "@/components/customers/form/customer-form";
import { AccessDenied } from "@/components/errors/access-denied";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { customerPrefillDefaults } from "@/lib/customers/customer-prefill-defaults";

export const metadata: Metadata = { title: "New customer" };

/** ?phone=, ?email=, ?first_name=, ?last_name= come from the caller lookup: what was typed there is not typed again. */
export default async function NewCustomerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, "write")) return <AccessDenied what="adding customers" />;
  const defaults = customerPrefillDefaults(await searchParams);

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
      <CustomerForm mode={{ kind: "create", defaults }} />
    </div>
  );
}
