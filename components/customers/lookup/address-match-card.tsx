import { Badge } from "@/components/ui/badge";
import type { AddressMatch } from "@/lib/mirror/mirror-types";

/** Which of the customer's addresses matched, in words: "Physical address", or the job whose service address it is. */
export function addressMatchPlace(match: AddressMatch): string {
  if (match.matched === "physical") return "Physical address";
  if (match.matched === "billing") return "Billing address";
  return `Service address of job “${match.job_title ?? "untitled"}”`;
}

/** One line for screen readers: who, which address, the address, and what Enter opens. */
export function addressMatchSummary(match: AddressMatch): string {
  const place = addressMatchPlace(match);
  return `${match.customer_name || "Unnamed customer"}, ${place.charAt(0).toLowerCase()}${place.slice(1)}: ${match.address}${match.matched === "service" ? ", opens the job" : ""}`;
}

/**
 * An address match in the caller lookup: the customer, the address as it is
 * written, and which of their addresses it is (a job's service address names
 * the job, which Enter opens).
 */
export function AddressMatchCard({ match }: { match: AddressMatch }) {
  return (
    <div className="min-w-0 space-y-0.5">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-lg font-semibold text-slate-900">{match.customer_name || "Unnamed customer"}</span>
        <Badge tone={match.matched === "service" ? "info" : "neutral"}>{addressMatchPlace(match)}</Badge>
      </p>
      <p className="text-sm text-slate-800">{match.address}</p>
    </div>
  );
}
