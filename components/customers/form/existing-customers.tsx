import Link from "next/link";
import { primaryButtonClassName } from "@/components/ui/field";
import type { ExistingCustomers } from "@/lib/customers/find-existing-types";

/** Above the new-customer form opened from the lookup: the customers already on file with what was typed, offered first. */
export function ExistingCustomersNotice({ existing }: { existing: ExistingCustomers }) {
  if (existing.kind === "none") return null;
  if (existing.kind === "unchecked") {
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        {existing.message}
      </p>
    );
  }
  return (
    <section aria-labelledby="existing-customers-title" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="existing-customers-title" className="font-semibold">
        Already on file
      </h2>
      <p className="mt-1">Open the existing record unless the caller is someone else; the form below keeps what you typed.</p>
      <ul className="mt-3 space-y-2">
        {existing.matches.map((match) => (
          <li key={match.uuid} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{match.name}</span>{" "}
              <span className="text-slate-700">({[match.phone, match.email].filter(Boolean).join(" · ")})</span>
            </span>
            <Link href={match.link} className={primaryButtonClassName} aria-label={`Open existing customer ${match.name}`}>
              Open existing customer
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
