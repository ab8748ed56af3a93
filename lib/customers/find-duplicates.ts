import { z } from "zod";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { normalizeUsPhone } from "@/lib/phone/us-phone-parsing";
import type { DuplicateReason, PossibleDuplicate } from "@/lib/customers/duplicate-types";

/**
 * Possible duplicates of a customer being entered: someone already on file
 * with the same phone number or the same email. The lookup API searches by
 * substring, so its matches are narrowed to exact ones here ("206-555-0142"
 * must not flag "206-555-01423…", "ann@x.com" not "joann@x.com").
 */

export interface DuplicateMatch {
  customer: CustomerDto;
  reasons: Array<Exclude<DuplicateReason, "name_and_address">>;
}

/** What to look up: the phone as its 10 digits (the lookup compares digits), the email lowercased; only values that are valid. */
export function duplicateLookups(values: { phone: string | null; email: string | null }): { phone: string | null; email: string | null } {
  const typedPhone = (values.phone ?? "").trim();
  const phone = typedPhone === "" ? null : normalizeUsPhone(typedPhone);
  const email = (values.email ?? "").trim().toLowerCase();
  return {
    phone: phone?.ok ? phone.value.replace(/\D/g, "") : null,
    email: email !== "" && z.email().safeParse(email).success ? email : null,
  };
}

const digitsOf = (value: string | null | undefined) => (value ?? "").replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");

export function exactDuplicates(found: readonly CustomerDto[], wanted: { phone: string | null; email: string | null }, excludeUuid?: string): DuplicateMatch[] {
  const byUuid = new Map<string, DuplicateMatch>();
  for (const customer of found) {
    if (customer.uuid === excludeUuid || customer.deleted_at) continue;
    const reasons: DuplicateMatch["reasons"] = [];
    if (wanted.phone && digitsOf(customer.phone) === wanted.phone) reasons.push("phone");
    if (wanted.email && customer.email?.trim().toLowerCase() === wanted.email) reasons.push("email");
    if (reasons.length === 0) continue;
    const known = byUuid.get(customer.uuid);
    if (known) known.reasons = [...new Set([...known.reasons, ...reasons])];
    else byUuid.set(customer.uuid, { customer, reasons });
  }
  return [...byUuid.values()];
}

/** The lookup's matches in the shape the server's duplicate check answers (409 `possible_duplicate`), so the form shows both alike. */
export function toPossibleDuplicates(matches: readonly DuplicateMatch[]): PossibleDuplicate[] {
  return matches.map(({ customer, reasons }) => ({
    uuid: customer.uuid,
    name: `${customer.first_name} ${customer.last_name}`.trim(),
    phone: customer.phone ?? null,
    email: customer.email ?? null,
    link: `/customers/${customer.uuid}`,
    reasons,
  }));
}

/** Whether an edit left a phone (by digits) or an email (any case) as it was: then it flags nobody. */
export function sameContact(field: "phone" | "email", a: string | null | undefined, b: string | null | undefined): boolean {
  return field === "phone" ? digitsOf(a) === digitsOf(b) : (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
}
