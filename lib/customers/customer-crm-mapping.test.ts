import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEAD_SOURCES } from "@/lib/customers/customer-fields";
import { TRADESDESK_FLAGS_KEY, customerExtrasFromFlags, customerToFormValues, toCrmCustomerBody } from "@/lib/customers/customer-crm-mapping";
import { customerFormDefaults, customerInputSchema, customerUpdateSchema } from "@/lib/customers/customer-schema";
import { schemaCases } from "@/tests/support/schema-cases";
import { crmCustomer } from "@/tests/support/crm-records";

const UPDATED_AT = "2024-01-15T10:30:00Z";
const LOCATION = "6c1d2e3f-0000-4000-8000-000000000001";

/** The smallest valid create input. */
const base = { first_name: "John", last_name: "Doe", email: "john@example.com" };

const { parsed } = schemaCases(customerInputSchema);

const DOCUMENTED_CRM_FIELDS = new Set([
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
]);

describe("toCrmCustomerBody", () => {
  const full = parsed({
    ...base,
    phone: "206.555.1234",
    physical_city: "Seattle",
    billing_same_as_physical: true,
    tags: ["Boiler"],
    lead_source: "Yelp",
    marketing_email_opt_in: true,
  });

  it("uses documented CRM field names only", () => {
    const body = toCrmCustomerBody(full, null);
    for (const key of Object.keys(body)) expect(DOCUMENTED_CRM_FIELDS.has(key)).toBe(true);
    expect(body).not.toHaveProperty("billing_same_as_physical");
    expect(body).not.toHaveProperty("tags");
    expect(body).toMatchObject({ phone: "206-555-1234", billing_city: "Seattle", email: "john@example.com" });
  });

  it("puts the extras under internal_flags.tradesdesk", () => {
    expect(toCrmCustomerBody(full, null).internal_flags).toEqual({
      [TRADESDESK_FLAGS_KEY]: { tags: ["Boiler"], lead_source: "Yelp", marketing_email_opt_in: true, marketing_sms_opt_in: false },
    });
  });

  it("sends only what a partial update contains, and no internal_flags without an extra", () => {
    const patch = customerUpdateSchema.parse({ expected_updated_at: UPDATED_AT, is_vip: true });
    expect(toCrmCustomerBody(patch, { quickbooks: { id: 7 } })).toEqual({ is_vip: true });
  });

  it("merges a partial extras update into the stored flags", () => {
    const patch = customerUpdateSchema.parse({ expected_updated_at: UPDATED_AT, tags: ["Gas"] });
    const current = { quickbooks: { id: 7 }, tradesdesk: { tags: ["Old"], lead_source: "Yelp", added_by_v2: "keep me" } };
    expect(toCrmCustomerBody(patch, current)).toEqual({
      internal_flags: { quickbooks: { id: 7 }, tradesdesk: { tags: ["Gas"], lead_source: "Yelp", added_by_v2: "keep me" } },
    });
  });

  it("replaces a tradesdesk entry that isn't an object", () => {
    for (const garbage of ["x", 3, null, ["a"]]) {
      const body = toCrmCustomerBody({ lead_source: "Google" }, { tradesdesk: garbage, other: true });
      expect(body.internal_flags).toEqual({ tradesdesk: { lead_source: "Google" }, other: true });
    }
  });

  it("never drops a foreign key, nor an unknown key inside tradesdesk", () => {
    const foreignFlags = fc.dictionary(
      fc.string().filter((key) => key !== TRADESDESK_FLAGS_KEY && key !== "__proto__"),
      fc.jsonValue(),
    );
    const ourUnknowns = fc.dictionary(
      fc.string().filter((key) => !["tags", "lead_source", "marketing_email_opt_in", "marketing_sms_opt_in", "__proto__"].includes(key)),
      fc.jsonValue(),
    );
    const someExtras = fc.record(
      {
        tags: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 }),
        lead_source: fc.constantFrom(null, ...LEAD_SOURCES),
        marketing_email_opt_in: fc.boolean(),
        marketing_sms_opt_in: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(foreignFlags, ourUnknowns, someExtras, (foreign, unknowns, extras) => {
        const current = { ...foreign, [TRADESDESK_FLAGS_KEY]: unknowns };
        const snapshot = structuredClone(current);
        const body = toCrmCustomerBody(extras, current);
        expect(current).toEqual(snapshot); // the caller's object is not mutated
        if (Object.keys(extras).length === 0) {
          expect(body).not.toHaveProperty("internal_flags");
          return;
        }
        const flags = body.internal_flags as Record<string, unknown>;
        for (const [key, value] of Object.entries(foreign)) expect(flags[key]).toEqual(value);
        expect(flags[TRADESDESK_FLAGS_KEY]).toEqual({ ...unknowns, ...extras });
      }),
      { numRuns: 300 },
    );
  });
});

describe("customerExtrasFromFlags", () => {
  const defaults = { tags: [], lead_source: null, marketing_email_opt_in: false, marketing_sms_opt_in: false };
  it.each([null, undefined, "garbage", 42, [], { tradesdesk: "x" }, { tradesdesk: [] }, { other: { tags: ["x"] } }])("reads %j as the defaults", (flags) => {
    expect(customerExtrasFromFlags(flags)).toEqual(defaults);
  });
  it("keeps what is valid and drops what isn't", () => {
    expect(
      customerExtrasFromFlags({
        tradesdesk: {
          tags: [" Boiler ", "boiler", 3, "", null, "x".repeat(31), "Gas"],
          lead_source: "TikTok",
          marketing_email_opt_in: "true",
          marketing_sms_opt_in: true,
        },
      }),
    ).toEqual({ tags: ["Boiler", "Gas"], lead_source: null, marketing_email_opt_in: false, marketing_sms_opt_in: true });
  });
  it("reads back what toCrmCustomerBody writes", () => {
    const body = toCrmCustomerBody({ tags: ["A"], lead_source: "Referral", marketing_email_opt_in: true, marketing_sms_opt_in: false }, { x: 1 });
    expect(customerExtrasFromFlags(body.internal_flags)).toEqual({
      tags: ["A"],
      lead_source: "Referral",
      marketing_email_opt_in: true,
      marketing_sms_opt_in: false,
    });
  });
  it("never throws and always returns the right shape, whatever is stored", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ tradesdesk: fc.anything() })), (flags) => {
        const extras = customerExtrasFromFlags(flags);
        expect(Array.isArray(extras.tags)).toBe(true);
        expect(extras.tags.length).toBeLessThanOrEqual(20);
        expect(extras.lead_source === null || LEAD_SOURCES.includes(extras.lead_source)).toBe(true);
        expect(typeof extras.marketing_email_opt_in).toBe("boolean");
        expect(typeof extras.marketing_sms_opt_in).toBe("boolean");
      }),
    );
  });
});

describe("customerToFormValues", () => {
  it("maps the CRM's nulls to the form's empty strings", () => {
    expect(customerToFormValues(crmCustomer)).toEqual({
      ...customerFormDefaults,
      first_name: "John",
      last_name: "Doe",
      email: "john@example.com",
      phone: "206-555-1234",
      physical_address1: "123 Main St",
      physical_city: "Seattle",
      physical_state: "WA",
      physical_zip: "98101",
      billing_same_as_physical: true,
      billing_address1: "123 Main St",
      billing_city: "Seattle",
      billing_state: "WA",
      billing_zip: "98101",
    });
  });
  it("ticks 'billing same as physical' only when the addresses match", () => {
    expect(customerToFormValues({ ...crmCustomer, billing_city: "Tacoma" }).billing_same_as_physical).toBe(false);
  });
  it("maps values the selects can't show", () => {
    const values = customerToFormValues({ ...crmCustomer, customer_type: "commercial", on_my_way_notify_via: "pigeon" });
    expect([values.customer_type, values.on_my_way_notify_via]).toEqual(["Commercial", ""]);
    expect(customerToFormValues({ ...crmCustomer, customer_type: "Business" }).customer_type).toBe("Residential");
  });
  it("reads the extras from internal_flags", () => {
    const values = customerToFormValues({
      ...crmCustomer,
      internal_flags: { tradesdesk: { tags: ["Gas"], lead_source: "Yelp", marketing_sms_opt_in: true } },
    });
    expect(values).toMatchObject({ tags: ["Gas"], lead_source: "Yelp", marketing_email_opt_in: false, marketing_sms_opt_in: true });
  });
  it("accepts a list item, which has fewer fields", () => {
    const values = customerToFormValues({ first_name: "Ann", last_name: "Lee", email: "ann@example.com" });
    expect(values).toMatchObject({ first_name: "Ann", phone: "", billing_same_as_physical: true });
  });
  it("round trips a valid CRM record: form → schema → CRM body gives the same fields back", () => {
    const record = {
      ...crmCustomer,
      company_name: "Doe Plumbing",
      customer_type: "Commercial",
      is_vip: true,
      billing_address1: "PO Box 9",
      billing_city: "Seattle",
      notes: "Gate code 1234",
      on_my_way_notify_via: "both",
      primary_service_location_uuid: LOCATION,
      internal_flags: { other: 1, tradesdesk: { tags: ["Boiler"], lead_source: "Google", marketing_email_opt_in: true, marketing_sms_opt_in: false } },
    };
    const body = toCrmCustomerBody(parsed(customerToFormValues(record)), record.internal_flags);
    const expected = Object.fromEntries(Object.entries(record).filter(([key]) => DOCUMENTED_CRM_FIELDS.has(key)));
    expect(body).toEqual(expected);
  });
});
