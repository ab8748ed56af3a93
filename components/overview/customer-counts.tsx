import Link from "next/link";
import type { Overview } from "@/lib/overview/overview-types";

const numberFormat = new Intl.NumberFormat("en-US");

export function CustomerCounts({ counts }: { counts: Overview["customers"] }) {
  const rows = [
    { label: "Residential", value: counts.residential },
    { label: "Commercial", value: counts.commercial },
    { label: "VIP", value: counts.vip },
  ];
  return (
    <section aria-labelledby="customer-counts" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="customer-counts" className="font-medium">
        Customers
      </h2>
      <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid="customers-total">
        {numberFormat.format(counts.total)}
      </p>
      <dl className="mt-4 grid grid-cols-3 gap-2 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="rounded bg-slate-50 p-2">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="font-medium tabular-nums">{numberFormat.format(row.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        <span className="tabular-nums" data-testid="customers-deleted">
          {numberFormat.format(counts.deleted)}
        </span>{" "}
        deleted,{" "}
        <Link href="/trash" className="text-brand-700 underline underline-offset-2">
          in the trash
        </Link>
        .
      </p>
    </section>
  );
}
