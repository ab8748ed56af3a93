"use client";

import { LocalMoment } from "@/components/time/local-moment";
import { locationLabel } from "@/lib/jobs/location-label";
import Link from "next/link";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { CustomerHistory } from "@/components/customers/detail/customer-history";
import { CustomerJobs } from "@/components/customers/detail/customer-jobs";
import { DeleteCustomerDialog } from "@/components/customers/detail/delete-customer-dialog";
import { Badge } from "@/components/ui/badge";
import { primaryButtonClassName } from "@/components/ui/field";
import { useCustomer } from "@/lib/customers/queries/get-customer";
import { useRestoreCustomer } from "@/lib/customers/queries/restore-customer";
import { trashHrefFor } from "@/lib/trash/trash-url";
import { billingAddress, customerName, formatAddress, physicalAddress, sameAddress } from "@/lib/customers/customer-format";
import { NOTIFY_LABELS } from "@/lib/customers/customer-field-labels";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { StaleDataNotice, useStaleSince } from "@/components/query/stale-data-notice";
import { EditsPaused } from "@/components/query/edits-paused";
import { LoadErrorMessage } from "@/components/data-table/load-error-message";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">Not given</span>;

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `card-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <dl className="mt-3 grid gap-3">{children}</dl>
    </section>
  );
}

function DeletedBanner({ customer, canWrite }: { customer: CustomerDto; canWrite: boolean }) {
  const restore = useRestoreCustomer();
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      <div>
        <p className="font-semibold">This customer is deleted.</p>
        <p className="text-sm">
          Deleted <LocalMoment iso={customer.deleted_at} />. They are hidden from the customer list and the caller lookup
          {canWrite ? " until restored." : "."}{" "}
          <Link href={trashHrefFor("customer", customerName(customer))} className="font-medium underline">
            See them in the trash
          </Link>
          , with who deleted them.
        </p>
      </div>
      {canWrite && (
        <button
          type="button"
          className={primaryButtonClassName}
          disabled={restore.isPending}
          onClick={() =>
            restore.mutate(customer.uuid, {
              onSuccess: () => toast.success(`${customerName(customer)} is restored.`),
              onError: (error) => toast.error(`${customerName(customer)} could not be restored: ${error.message}`),
            })
          }
        >
          {restore.isPending ? "Restoring…" : "Restore"}
        </button>
      )}
    </div>
  );
}

/** A customer's page: who they are, where, how to reach them, their jobs and the record's history. */
export function CustomerDetail({ uuid, canWrite }: { uuid: string; canWrite: boolean }) {
  const query = useCustomer(uuid);
  const locations = useLocations();
  // A saved copy (the CRM is not answering): nothing can be saved, so nothing is offered.
  const saved = useStaleSince([customerKeys.detail(uuid)]) !== null;

  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p className="sr-only" role="status">
          Loading the customer…
        </p>
        <div className="h-8 w-72 animate-pulse rounded bg-slate-200" />
        <div className="grid gap-4 md:grid-cols-3">
          {[0, 1, 2].map((index) => (
            <div key={index} className="h-40 animate-pulse rounded-lg bg-slate-200" />
          ))}
        </div>
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <LoadErrorMessage title="This customer could not be loaded." query={query} />
      </div>
    );
  }

  const customer = query.data;
  const deleted = customer.deleted_at !== null;
  const physical = physicalAddress(customer);
  const billing = billingAddress(customer);
  const location = customer.primary_service_location_uuid
    ? locationLabel(customer.primary_service_location_uuid, locations.data) || "A company location"
    : null;

  return (
    <div className="space-y-6">
      <StaleDataNotice queryKeys={[customerKeys.detail(uuid)]} />
      <div>
        <p className="text-sm">
          <Link href="/customers" className="text-brand-700 hover:underline">
            Customers
          </Link>
        </p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">{customerName(customer)}</h1>
            {customer.is_vip && <Badge tone="vip">VIP</Badge>}
            <Badge>{customer.customer_type}</Badge>
            {deleted && <Badge tone="danger">Deleted</Badge>}
          </div>
          {canWrite && !deleted && saved && <EditsPaused what="this customer" />}
          {canWrite && !deleted && !saved && (
            <div className="flex gap-2">
              <Link href={`/customers/${uuid}/edit`} className={primaryButtonClassName}>
                Edit
              </Link>
              <DeleteCustomerDialog customer={customer} />
            </div>
          )}
        </div>
        {customer.company_name && <p className="mt-1 text-slate-700">{customer.company_name}</p>}
      </div>

      {deleted && <DeletedBanner customer={customer} canWrite={canWrite && !saved} />}

      <div className="grid gap-4 md:grid-cols-3">
        <Card title="Contact">
          <Detail label="Phone">
            {customer.phone ? (
              <a href={`tel:${customer.phone}`} className="text-brand-700 hover:underline">
                {customer.phone}
              </a>
            ) : (
              none
            )}
          </Detail>
          <Detail label="Email">
            {customer.email ? (
              <a href={`mailto:${customer.email}`} className="text-brand-700 hover:underline">
                {customer.email}
              </a>
            ) : (
              none
            )}
          </Detail>
          <Detail label="On-my-way notification">
            {customer.on_my_way_notify_via ? (NOTIFY_LABELS[customer.on_my_way_notify_via] ?? customer.on_my_way_notify_via) : "None"}
          </Detail>
        </Card>
        <Card title="Addresses">
          <Detail label="Physical address">{formatAddress(physical) ?? none}</Detail>
          <Detail label="Billing address">
            {sameAddress(physical, billing) && formatAddress(physical) ? "Same as physical" : (formatAddress(billing) ?? none)}
          </Detail>
          <Detail label="Primary service location">{location ?? "None"}</Detail>
        </Card>
        <Card title="Marketing and tags">
          <Detail label="Tags">
            {customer.extras.tags.length ? (
              <span className="flex flex-wrap gap-1">
                {customer.extras.tags.map((tag) => (
                  <Badge key={tag} tone="info">
                    {tag}
                  </Badge>
                ))}
              </span>
            ) : (
              "None"
            )}
          </Detail>
          <Detail label="Lead source">{customer.extras.lead_source ?? "Not recorded"}</Detail>
          <Detail label="Marketing emails">{customer.extras.marketing_email_opt_in ? "Yes" : "No"}</Detail>
          <Detail label="Marketing texts">{customer.extras.marketing_sms_opt_in ? "Yes" : "No"}</Detail>
        </Card>
      </div>

      <section aria-labelledby="customer-notes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="customer-notes" className="text-base font-semibold">
          Notes
        </h2>
        <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{customer.notes ?? <span className="text-slate-500">No notes.</span>}</p>
      </section>

      <CustomerJobs uuid={uuid} canWrite={canWrite && !saved} deleted={deleted} />
      <CustomerHistory uuid={uuid} />

      <p className="text-xs text-slate-500">
        Added <LocalMoment iso={customer.created_at} fallback="at an unknown time" /> · last changed{" "}
        <LocalMoment iso={customer.updated_at} fallback="at an unknown time" />
      </p>
    </div>
  );
}
