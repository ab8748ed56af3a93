import { z } from "zod";
import { booleanLike, nullableJsonObject, nullableMatching, nullableOneOf, nullableText, nullableUuid, oneOf, requiredText } from "../../http/fields";

export const CUSTOMER_TYPES = ["Residential", "Commercial"] as const;
export const NOTIFY_CHANNELS = ["email", "sms", "both"] as const;
export const CUSTOMER_FILTERS = ["all", "residential", "commercial", "vip"] as const;
export type CustomerFilter = (typeof CUSTOMER_FILTERS)[number];

const PHONE = /^\d{3}-\d{3}-\d{4}$/;

/**
 * The writable Customer fields and only the checks CRM-API 000 states. Unknown
 * keys (including read-only uuid, created_at, updated_at) are stripped, not
 * rejected: a lenient API ignores what it does not write, and the dashboard's
 * stricter rules live in the dashboard (CRM-API decision 10).
 */
export const customerCreateSchema = z.object({
  first_name: requiredText("first_name"),
  last_name: requiredText("last_name"),
  company_name: nullableText("company_name").optional(),
  email: nullableText("email").optional(),
  phone: nullableMatching("phone", PHONE, "must be in xxx-xxx-xxxx format").optional(),
  customer_type: oneOf("customer_type", CUSTOMER_TYPES).optional(),
  is_vip: booleanLike("is_vip").optional(),
  physical_address1: nullableText("physical_address1").optional(),
  physical_address2: nullableText("physical_address2").optional(),
  physical_city: nullableText("physical_city").optional(),
  physical_state: nullableText("physical_state").optional(),
  physical_zip: nullableText("physical_zip").optional(),
  billing_address1: nullableText("billing_address1").optional(),
  billing_address2: nullableText("billing_address2").optional(),
  billing_city: nullableText("billing_city").optional(),
  billing_state: nullableText("billing_state").optional(),
  billing_zip: nullableText("billing_zip").optional(),
  primary_service_location_uuid: nullableUuid("primary_service_location_uuid").optional(),
  notes: nullableText("notes").optional(),
  internal_flags: nullableJsonObject("internal_flags").optional(),
  on_my_way_notify_via: nullableOneOf("on_my_way_notify_via", NOTIFY_CHANNELS).optional(),
});

/** Partial update: the same rules for whichever fields are present. */
export const customerUpdateSchema = customerCreateSchema.partial();

export type CustomerInput = z.output<typeof customerUpdateSchema>;
