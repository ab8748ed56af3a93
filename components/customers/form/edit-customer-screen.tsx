"use client";

import Link from "next/link";
import { CustomerForm } from "@/components/customers/form/customer-form";
import { primaryButtonClassName } from "@/components/ui/field";
import { useCustomer } from "@/lib/customers/queries/get-customer";
import { customerName } from "@/lib/customers/customer-format";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

/**
 * The edit page's frame: the record (read on the server, or here again when
 * the CRM failed there), then the form. The form takes the record once and
 * keeps it as the edit's starting point; later refetches don't reset what is
 * being typed.
 */
export function EditCustomerScreen({ uuid }: { uuid: string }) {
  const customer = useCustomer(uuid);

  if (customer.isPending) {
    return (
      <div className="mx-auto max-w-3xl space-y-4" aria-busy="true">
        <p className="sr-only" role="status">
          Loading the customer…
        </p>
        <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
        <div className="h-64 animate-pulse rounded-lg bg-slate-200" />
      </div>
    );
  }
  if (customer.isError) {
    return (
      <div className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <LoadErrorMessage title="This customer could not be loaded." query={customer} />
      </div>
    );
  }

  const record = customer.data;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/customers" className="text-brand-700 hover:underline">
            Customers
          </Link>{" "}
          /{" "}
          <Link href={`/customers/${uuid}`} className="text-brand-700 hover:underline">
            {customerName(record)}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Edit {customerName(record)}</h1>
      </div>
      {record.deleted_at ? (
        <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">This customer is deleted, so it can&apos;t be edited.</p>
          <p className="mt-1">Restore it from the customer&apos;s page first.</p>
          <Link href={`/customers/${uuid}`} className={`${primaryButtonClassName} mt-3`}>
            Go to the customer
          </Link>
        </div>
      ) : (
        <CustomerForm key={record.uuid} mode={{ kind: "edit", customer: record }} />
      )}
    </div>
  );
}
