import { toIso, toIsoOrNull } from "../../http/timestamps";

/** The Customer object's fields in documented order; company_uuid and the search columns stay internal. */
export const CUSTOMER_COLUMNS = [
  "uuid",
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "customer_type",
  "is_vip",
  "physical_address1",
  "physical_address2",
  "physical_city",
  "physical_state",
  "physical_zip",
  "billing_address1",
  "billing_address2",
  "billing_city",
  "billing_state",
  "billing_zip",
  "primary_service_location_uuid",
  "notes",
  "internal_flags",
  "on_my_way_notify_via",
  "created_at",
  "updated_at",
  "deleted_at",
].join(", ");

export interface CustomerRow {
  uuid: string;
  first_name: string;
  last_name: string;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  customer_type: string;
  is_vip: boolean;
  physical_address1: string | null;
  physical_address2: string | null;
  physical_city: string | null;
  physical_state: string | null;
  physical_zip: string | null;
  billing_address1: string | null;
  billing_address2: string | null;
  billing_city: string | null;
  billing_state: string | null;
  billing_zip: string | null;
  primary_service_location_uuid: string | null;
  notes: string | null;
  internal_flags: Record<string, unknown> | null;
  on_my_way_notify_via: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export function serializeCustomer(row: CustomerRow) {
  return {
    uuid: row.uuid,
    first_name: row.first_name,
    last_name: row.last_name,
    company_name: row.company_name,
    email: row.email,
    phone: row.phone,
    customer_type: row.customer_type,
    is_vip: row.is_vip,
    physical_address1: row.physical_address1,
    physical_address2: row.physical_address2,
    physical_city: row.physical_city,
    physical_state: row.physical_state,
    physical_zip: row.physical_zip,
    billing_address1: row.billing_address1,
    billing_address2: row.billing_address2,
    billing_city: row.billing_city,
    billing_state: row.billing_state,
    billing_zip: row.billing_zip,
    primary_service_location_uuid: row.primary_service_location_uuid,
    notes: row.notes,
    internal_flags: row.internal_flags ?? null,
    on_my_way_notify_via: row.on_my_way_notify_via,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    deleted_at: toIsoOrNull(row.deleted_at),
  };
}

export type Customer = ReturnType<typeof serializeCustomer>;
