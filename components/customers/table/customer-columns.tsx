"use client";

import { LocalMoment } from "@/components/time/local-moment";
import type { ColumnDef, VisibilityState } from "@tanstack/react-table";
import Link from "next/link";
import { restoreColumn } from "@/components/data-table/restore-column";
import { selectionColumn } from "@/components/data-table/selection-column";
import { TruncatedCell } from "@/components/data-table/truncated-cell";
import { Badge } from "@/components/ui/badge";
import { customerName, formatAddress, physicalAddress } from "@/lib/customers/customer-format";
import type { CustomerDto } from "@/lib/customers/customer-types";

/**
 * The customer list's columns. Each sorts the whole list by its `sortKey`
 * (the URL's sort=last_name; the mirror sorts, ADR-017). Name and
 * actions can't be hidden (a row must say whose it is and stay actionable);
 * people who may write also get a checkbox column for bulk delete. At
 * 1366 px every default column fits without sideways scrolling: the table's
 * layout is fixed (customer-table.tsx), short columns have their width, and
 * long company names, emails and addresses are cut short, whole on hover.
 */
export const CUSTOMER_COLUMN_DEFAULTS: VisibilityState = { tags: false };

export function customerColumns(options: {
  canWrite: boolean;
  onRestore: (customer: CustomerDto) => void;
  restoringUuid: string | null;
}): ColumnDef<CustomerDto>[] {
  const columns: ColumnDef<CustomerDto>[] = [
    ...(options.canWrite ? [selectionColumn<CustomerDto>(customerName)] : []),
    {
      id: "name",
      header: "Name",
      enableHiding: false,
      meta: { label: "Name", cellClassName: "min-w-44", sortKey: "last_name" },
      cell: ({ row }) => {
        const customer = row.original;
        return (
          <span className="flex flex-wrap items-center gap-1.5">
            {/* Out of the tab order: the row itself is the tab stop, Enter on it opens the same page.
                Not prefetched: prefetching a customer page reads that customer from the CRM (its title),
                so every row on screen would cost a request the person may never want (docs/benchmarks.md, part 4). */}
            <Link href={`/customers/${customer.uuid}`} prefetch={false} tabIndex={-1} className="font-medium text-brand-700 hover:underline">
              {customerName(customer)}
            </Link>
            {customer.is_vip && <Badge tone="vip">VIP</Badge>}
            {customer.deleted_at && <Badge tone="danger">Deleted</Badge>}
          </span>
        );
      },
    },
    {
      id: "company",
      header: "Company",
      meta: { label: "Company", sortKey: "company_name" },
      cell: ({ row }) => <TruncatedCell text={row.original.company_name} lines={2} />,
    },
    {
      id: "type",
      header: "Type",
      meta: { label: "Type", headerClassName: "w-28", cellClassName: "whitespace-nowrap", sortKey: "customer_type" },
      cell: ({ row }) => row.original.customer_type,
    },
    {
      id: "phone",
      header: "Phone",
      meta: { label: "Phone", headerClassName: "w-32", cellClassName: "whitespace-nowrap", sortKey: "phone" },
      cell: ({ row }) => row.original.phone ?? "",
    },
    {
      id: "email",
      header: "Email",
      meta: { label: "Email", sortKey: "email" },
      cell: ({ row }) => <TruncatedCell text={row.original.email} />,
    },
    {
      id: "address",
      header: "Physical address",
      meta: { label: "Physical address", sortKey: "physical_address" },
      cell: ({ row }) => <TruncatedCell text={formatAddress(physicalAddress(row.original))} lines={2} />,
    },
    {
      id: "tags",
      header: "Tags",
      meta: { label: "Tags", sortKey: "tags" },
      cell: ({ row }) => <TruncatedCell text={row.original.extras.tags.join(", ")} lines={2} />,
    },
    {
      id: "created",
      header: "Added",
      meta: { label: "Added", headerClassName: "w-28", cellClassName: "whitespace-nowrap", sortKey: "created_at" },
      cell: ({ row }) => <LocalMoment iso={row.original.created_at} style="date" />,
    },
  ];
  if (options.canWrite) {
    const actions = restoreColumn({ label: customerName, restoringUuid: options.restoringUuid, onRestore: options.onRestore });
    // Room for its Restore button; the fixed layout gives the rest to the columns of text.
    columns.push({ ...actions, meta: { ...actions.meta, label: actions.meta?.label ?? "Actions", headerClassName: "w-24" } });
  }
  return columns;
}
