import type { AuditRow } from "@/lib/audit/audit-types";
import { CUSTOMER_FIELDS, formatCustomerValue, type CustomerField } from "@/lib/customers/customer-field-labels";

// The audit log keeps internal_flags whole; its parts are shown as their own fields already.
const HIDDEN_FIELDS = new Set(["internal_flags", "billing_same_as_physical", "uuid", "created_at", "updated_at", "deleted_at"]);

const PHYSICAL_OF: Record<string, string> = {
  billing_address1: "physical_address1",
  billing_address2: "physical_address2",
  billing_city: "physical_city",
  billing_state: "physical_state",
  billing_zip: "physical_zip",
};

const order = (field: string) => {
  const index = CUSTOMER_FIELDS.indexOf(field as CustomerField);
  return index < 0 ? CUSTOMER_FIELDS.length : index;
};

const isBlank = (value: unknown) => value === null || value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);

/**
 * The fields an entry changed, in the form's order. A creation lists only
 * what was filled in, and a billing address copied from the physical one
 * once ("Billing address same as physical").
 */
export function historyChanges(row: AuditRow): { field: string; from: string | null; to: string }[] {
  if (!row.changes) return [];
  const changes = row.changes;
  const toOf = (field: string) => {
    const change = changes[field];
    return typeof change === "object" && change !== null && "to" in change ? (change as { to: unknown }).to : change;
  };
  const created = row.action === "create";
  const billingCopied =
    created && Object.entries(PHYSICAL_OF).every(([billing, physical]) => JSON.stringify(toOf(billing) ?? null) === JSON.stringify(toOf(physical) ?? null));
  const list = Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .filter(([field]) => !(created && (isBlank(toOf(field)) || (billingCopied && field in PHYSICAL_OF))))
    .sort(([a], [b]) => order(a) - order(b))
    .map(([field, change]) => {
      if (change === "changed") return { field, from: null, to: "changed" };
      const { from, to } = (typeof change === "object" && change !== null ? change : { to: change }) as { from?: unknown; to?: unknown };
      return { field, from: created ? null : formatCustomerValue(field, from), to: formatCustomerValue(field, to) };
    });
  if (billingCopied && list.some((change) => change.field.startsWith("physical_"))) {
    list.push({ field: "billing_same_as_physical", from: null, to: "Yes" });
  }
  return list;
}
