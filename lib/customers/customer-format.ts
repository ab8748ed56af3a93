import type { CustomerDto } from "@/lib/customers/customer-types";
import { formatInZone } from "@/lib/time/moment-format";

/** How a customer is named and addressed on screen and in exports. */
export function customerName(customer: Pick<CustomerDto, "first_name" | "last_name">): string {
  return `${customer.first_name} ${customer.last_name}`.trim();
}

type AddressParts = { line1: string | null; line2: string | null; city: string | null; state: string | null; zip: string | null };

export function physicalAddress(customer: CustomerDto): AddressParts {
  return {
    line1: customer.physical_address1,
    line2: customer.physical_address2,
    city: customer.physical_city,
    state: customer.physical_state,
    zip: customer.physical_zip,
  };
}

export function billingAddress(customer: CustomerDto): AddressParts {
  return {
    line1: customer.billing_address1,
    line2: customer.billing_address2,
    city: customer.billing_city,
    state: customer.billing_state,
    zip: customer.billing_zip,
  };
}

/** "12 Pine St, Apt 4, Seattle, WA 98101", or null when no part is given. */
export function formatAddress(address: AddressParts): string | null {
  const place = [address.city, [address.state, address.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const text = [address.line1, address.line2, place].filter(Boolean).join(", ");
  return text || null;
}

export function sameAddress(a: AddressParts, b: AddressParts): boolean {
  const norm = (value: string | null) => (value ?? "").trim().toLowerCase();
  return (["line1", "line2", "city", "state", "zip"] as const).every((part) => norm(a[part]) === norm(b[part]));
}

// A calendar date built from its own parts and formatted in the same (local) zone: the same day in every zone.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

/** A moment's day in the viewer's zone (useViewerTimeZone in the browser, viewerTimeZone() on the server). */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  return iso ? formatInZone(iso, timeZone, "date") : "";
}

/** A moment's day and time in the viewer's zone. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  return iso ? formatInZone(iso, timeZone, "dateTime") : "";
}

/**
 * A calendar date ("2025-02-20", or the date part of a timestamp) as written,
 * not converted through UTC: a job scheduled for the 20th must not show as
 * the 19th in Seattle.
 */
export function formatCalendarDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return "";
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
