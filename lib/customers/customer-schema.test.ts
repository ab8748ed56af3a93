// One file for the schema's cases, field by field and rule by rule (CRM-API 003): the cases are a
// table to read down, and splitting it by field would scatter the shared helpers above them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/api/field-errors";
import { LEAD_SOURCES, checkCustomerRules } from "@/lib/customers/customer-fields";
import { customerToFormValues } from "@/lib/customers/customer-crm-mapping";
import { customerFormDefaults, customerInputSchema, customerUpdateSchema } from "@/lib/customers/customer-schema";
import { issuesOf, schemaCases } from "@/tests/support/schema-cases";
import { crmCustomer } from "@/tests/support/crm-records";

const UPDATED_AT = "2024-01-15T10:30:00Z";
const LOCATION = "6c1d2e3f-0000-4000-8000-000000000001";

/** The smallest valid create input. */
const base = { first_name: "John", last_name: "Doe", email: "john@example.com" };

const { parse, parsed } = schemaCases(customerInputSchema);
const expectOnly = (input: Record<string, unknown>, expected: Record<string, string[]>) => expect(issuesOf(parse(input))).toEqual(expected);

describe("customerInputSchema: the minimal customer", () => {
  it("fills every optional field with its default", () => {
    expect(parsed(base)).toEqual({
      first_name: "John",
      last_name: "Doe",
      company_name: null,
      customer_type: "Residential",
      is_vip: false,
      email: "john@example.com",
      phone: null,
      on_my_way_notify_via: null,
      physical_address1: null,
      physical_address2: null,
      physical_city: null,
      physical_state: null,
      physical_zip: null,
      billing_same_as_physical: false,
      billing_address1: null,
      billing_address2: null,
      billing_city: null,
      billing_state: null,
      billing_zip: null,
      primary_service_location_uuid: null,
      notes: null,
      tags: [],
      lead_source: null,
      marketing_email_opt_in: false,
      marketing_sms_opt_in: false,
    });
  });

  it("turns the empty strings forms send into null", () => {
    const value = parsed({ ...customerFormDefaults, ...base, billing_same_as_physical: false });
    for (const field of ["company_name", "phone", "physical_city", "billing_zip", "notes", "primary_service_location_uuid"] as const) {
      expect(value[field]).toBeNull();
    }
    expect(value.on_my_way_notify_via).toBeNull();
    expect(value.lead_source).toBeNull();
  });

  it("on the empty form, reports the names and the missing contact detail, nothing else", () => {
    expect(issuesOf(parse({ ...customerFormDefaults }))).toEqual({
      first_name: ["Enter a first name"],
      last_name: ["Enter a last name"],
      email: ["Add an email or a phone number"],
      phone: ["Add an email or a phone number"],
    });
  });

  it("reports every failing field at once, each on its own path", () => {
    expect(issuesOf(parse({ first_name: "J", last_name: "D0e", marketing_sms_opt_in: true, on_my_way_notify_via: "both" }))).toEqual({
      first_name: ["First name needs at least 2 characters"],
      last_name: ["Last name can't contain numbers"],
      email: ["Add an email or a phone number"],
      phone: ["Add an email or a phone number"],
      on_my_way_notify_via: ["Notifications by email and SMS need both an email address and a phone number"],
      marketing_sms_opt_in: ["Marketing texts need a phone number"],
    });
  });
});

describe("customerInputSchema: unknown fields", () => {
  it.each(["uuid", "created_at", "internal_flags", "customer_id", "expected_updated_at"])("rejects %j", (field) => {
    const result = parse({ ...base, [field]: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: [field], message: `Unknown customer field: “${field}”` }),
    ]);
    expect(fieldErrors(result.error!)).toEqual({ [field]: "This field is not accepted." });
  });
});

describe.each([
  ["first_name", "First name"],
  ["last_name", "Last name"],
] as const)("%s", (field, label) => {
  it.each([
    [undefined, `Enter a ${label.toLowerCase()}`],
    ["", `Enter a ${label.toLowerCase()}`],
    ["   ", `Enter a ${label.toLowerCase()}`],
    [null, `Enter a ${label.toLowerCase()}`],
    ["J", `${label} needs at least 2 characters`],
    [" J ", `${label} needs at least 2 characters`],
    ["x".repeat(51), `${label} can be at most 50 characters`],
    ["J0hn", `${label} can't contain numbers`],
    ["Henry 8", `${label} can't contain numbers`],
    ["R٣", `${label} can't contain numbers`],
  ])("refuses %j: %s", (value, message) => {
    expectOnly({ ...base, [field]: value }, { [field]: [message] });
  });

  it.each([["Jo"], ["x".repeat(50)], ["Anne-Marie"], ["O'Brien"], ["José"], ["Nguyễn"], ["Mary Ann"]])("accepts %j", (value) => {
    expect(parsed({ ...base, [field]: value })[field]).toBe(value);
  });

  it("trims", () => {
    expect(parsed({ ...base, [field]: "  Jo  " })[field]).toBe("Jo");
  });
});

describe("company_name, notes", () => {
  it("accepts up to the limit and trims", () => {
    expect(parsed({ ...base, company_name: ` ${"c".repeat(100)} ` }).company_name).toBe("c".repeat(100));
    expect(parsed({ ...base, notes: "n".repeat(5000) }).notes).toBe("n".repeat(5000));
  });
  it("refuses more", () => {
    expectOnly({ ...base, company_name: "c".repeat(101) }, { company_name: ["Company name can be at most 100 characters"] });
    expectOnly({ ...base, notes: "n".repeat(5001) }, { notes: ["Notes can be at most 5,000 characters"] });
  });
});

describe("customer_type, is_vip", () => {
  it("defaults to Residential and accepts Commercial", () => {
    expect(parsed(base).customer_type).toBe("Residential");
    expect(parsed({ ...base, customer_type: "Commercial" }).customer_type).toBe("Commercial");
  });
  it.each(["commercial", "Business", "", null])("refuses customer_type %j", (value) => {
    expectOnly({ ...base, customer_type: value }, { customer_type: ["Choose Residential or Commercial"] });
  });
  it("takes a boolean VIP flag only", () => {
    expect(parsed({ ...base, is_vip: true }).is_vip).toBe(true);
    expectOnly({ ...base, is_vip: "yes" }, { is_vip: ["VIP must be true or false"] });
  });
});

describe("email", () => {
  it("trims and lowercases", () => {
    expect(parsed({ ...base, email: "  John.Doe+HVAC@Example.COM " }).email).toBe("john.doe+hvac@example.com");
  });
  it.each(["john", "john@", "john@example", "@example.com", "john doe@example.com", "john@@example.com"])("refuses %j", (email) => {
    expectOnly({ ...base, email }, { email: ["Enter an email address like name@example.com"] });
  });
  it("refuses an address longer than 254 characters", () => {
    expectOnly({ ...base, email: `${"a".repeat(250)}@example.com` }, { email: ["Email addresses can be at most 254 characters"] });
  });
});

describe("phone", () => {
  it("normalizes to xxx-xxx-xxxx", () => {
    expect(parsed({ ...base, phone: "(206) 555-1234" }).phone).toBe("206-555-1234");
    expect(parsed({ ...base, phone: "+1 206 555 1234" }).phone).toBe("206-555-1234");
  });
  it.each([
    ["555-1234", "Enter a 10-digit US phone number, like 206-555-1234"],
    ["+44 20 7946 0958", "Enter a US phone number; numbers outside the US can't be saved in the CRM"],
    ["206-555-1234 x5", "The CRM can't store phone extensions. Enter the 10-digit number and put the extension in the notes"],
    ["123-456-7890", "Check the number: US area codes and the next three digits can't start with 0 or 1"],
  ])("refuses %j with its reason", (phone, message) => {
    expectOnly({ ...base, phone }, { phone: [message] });
  });
});

describe("at least one of email and phone", () => {
  it("puts the message on both fields when both are missing", () => {
    expectOnly(
      { first_name: "John", last_name: "Doe" },
      {
        email: ["Add an email or a phone number"],
        phone: ["Add an email or a phone number"],
      },
    );
    expectOnly(
      { first_name: "John", last_name: "Doe", email: " ", phone: "" },
      {
        email: ["Add an email or a phone number"],
        phone: ["Add an email or a phone number"],
      },
    );
  });
  it("is satisfied by either", () => {
    expect(parse({ first_name: "John", last_name: "Doe", email: "john@example.com" }).success).toBe(true);
    expect(parse({ first_name: "John", last_name: "Doe", phone: "206-555-1234" }).success).toBe(true);
  });
  it("shows only the format problem when the one detail given is malformed", () => {
    expectOnly(
      { first_name: "John", last_name: "Doe", phone: "555-1234" },
      {
        phone: ["Enter a 10-digit US phone number, like 206-555-1234"],
      },
    );
    expectOnly({ first_name: "John", last_name: "Doe", email: "john@" }, { email: ["Enter an email address like name@example.com"] });
  });
});

describe("on_my_way_notify_via", () => {
  const names = { first_name: "John", last_name: "Doe" };
  const email = "john@example.com";
  const phone = "206-555-1234";
  it.each([
    ["sms", { email }, "SMS notifications need a phone number"],
    ["email", { phone }, "Email notifications need an email address"],
    ["both", { email }, "Notifications by email and SMS need both an email address and a phone number"],
    ["both", { phone }, "Notifications by email and SMS need both an email address and a phone number"],
  ])("refuses %j with only %j", (channel, contact, message) => {
    expectOnly({ ...names, ...contact, on_my_way_notify_via: channel }, { on_my_way_notify_via: [message] });
  });
  it.each([
    ["sms", { phone }],
    ["email", { email }],
    ["both", { email, phone }],
  ])("accepts %j with %j", (channel, contact) => {
    expect(parsed({ ...names, ...contact, on_my_way_notify_via: channel }).on_my_way_notify_via).toBe(channel);
  });
  it("reads the select's empty option as none", () => {
    expect(parsed({ ...base, on_my_way_notify_via: "" }).on_my_way_notify_via).toBeNull();
    expect(parsed({ ...base, on_my_way_notify_via: null }).on_my_way_notify_via).toBeNull();
  });
  it("refuses an unknown channel", () => {
    expectOnly({ ...base, on_my_way_notify_via: "fax" }, { on_my_way_notify_via: ["Choose email, SMS, both or none"] });
  });
});

describe("marketing opt-ins", () => {
  it("refuses marketing emails without an email address", () => {
    expectOnly(
      { ...base, email: "", phone: "206-555-1234", marketing_email_opt_in: true },
      {
        marketing_email_opt_in: ["Marketing emails need an email address"],
      },
    );
  });
  it("refuses marketing texts without a phone number", () => {
    expectOnly({ ...base, marketing_sms_opt_in: true }, { marketing_sms_opt_in: ["Marketing texts need a phone number"] });
  });
  it("accepts each with its contact detail", () => {
    const value = parsed({ ...base, phone: "206-555-1234", marketing_email_opt_in: true, marketing_sms_opt_in: true });
    expect([value.marketing_email_opt_in, value.marketing_sms_opt_in]).toEqual([true, true]);
  });
  it("takes booleans only", () => {
    expectOnly({ ...base, marketing_email_opt_in: "true" }, { marketing_email_opt_in: ["Marketing emails must be true or false"] });
  });
});

describe("addresses", () => {
  it("uppercases the state and accepts states, DC and territories", () => {
    for (const state of ["wa", "WA", " ny ", "DC", "pr", "GU", "VI", "AS", "MP"]) {
      expect(parsed({ ...base, physical_state: state }).physical_state).toBe(state.trim().toUpperCase());
    }
  });
  it.each(["Washington", "XX", "W", "UK", "AA"])("refuses the state %j", (state) => {
    expectOnly({ ...base, physical_state: state }, { physical_state: ["Enter a 2-letter US state code, like WA"] });
  });
  it.each([
    ["98101", "98101"],
    ["98101-1234", "98101-1234"],
    ["981011234", "98101-1234"],
    [" 98101 1234 ", "98101-1234"],
  ])("accepts the ZIP %j as %j", (zip, expected) => {
    expect(parsed({ ...base, physical_zip: zip }).physical_zip).toBe(expected);
  });
  it.each(["9810", "981012", "ABCDE", "98101-12", "98101-"])("refuses the ZIP %j", (zip) => {
    expectOnly({ ...base, physical_zip: zip }, { physical_zip: ["Enter a ZIP code like 98101 or 98101-1234"] });
  });
  it("bounds address lines and city", () => {
    expectOnly({ ...base, physical_address1: "a".repeat(101) }, { physical_address1: ["Address lines can be at most 100 characters"] });
    expectOnly({ ...base, billing_city: "c".repeat(61) }, { billing_city: ["City can be at most 60 characters"] });
    expect(parsed({ ...base, physical_address2: "a".repeat(100), physical_city: "c".repeat(60) }).physical_city).toBe("c".repeat(60));
  });
  it("validates the billing address like the physical one when it is separate", () => {
    expectOnly(
      { ...base, billing_state: "Oregon", billing_zip: "123" },
      {
        billing_state: ["Enter a 2-letter US state code, like WA"],
        billing_zip: ["Enter a ZIP code like 98101 or 98101-1234"],
      },
    );
  });

  const physical = {
    physical_address1: "123 Main St",
    physical_address2: "Apt 4",
    physical_city: "Seattle",
    physical_state: "wa",
    physical_zip: "98101",
  };
  it("copies the physical address into billing when billing is the same", () => {
    const value = parsed({ ...base, ...physical, billing_same_as_physical: true });
    expect(value).toMatchObject({
      billing_same_as_physical: true,
      billing_address1: "123 Main St",
      billing_address2: "Apt 4",
      billing_city: "Seattle",
      billing_state: "WA",
      billing_zip: "98101",
    });
  });
  it("ignores stale hidden billing inputs when billing is the same", () => {
    const value = parsed({ ...base, ...physical, billing_same_as_physical: true, billing_zip: "garbage", billing_city: "Old town" });
    expect([value.billing_city, value.billing_zip]).toEqual(["Seattle", "98101"]);
  });
  it("keeps a separate billing address", () => {
    const value = parsed({ ...base, ...physical, billing_same_as_physical: false, billing_city: "Tacoma", billing_state: "WA" });
    expect([value.billing_city, value.billing_state, value.billing_zip]).toEqual(["Tacoma", "WA", null]);
  });
});

describe("tags", () => {
  it("trims and drops case-insensitive duplicates, keeping the first spelling", () => {
    expect(parsed({ ...base, tags: [" Water heater ", "water HEATER", "VIP", "vip", "Boiler"] }).tags).toEqual(["Water heater", "VIP", "Boiler"]);
  });
  it("refuses blank and over-long tags, on the tag's own path", () => {
    expectOnly({ ...base, tags: ["ok", "  "] }, { "tags.1": ["Tags can't be blank"] });
    expectOnly({ ...base, tags: ["t".repeat(31)] }, { "tags.0": ["Each tag can be at most 30 characters"] });
    expect(parsed({ ...base, tags: ["t".repeat(30), "a"] }).tags).toHaveLength(2);
  });
  it("allows 20 distinct tags, not 21; duplicates don't count", () => {
    const tags = (count: number) => Array.from({ length: count }, (_, index) => `tag ${index}`);
    expect(parsed({ ...base, tags: tags(20) }).tags).toHaveLength(20);
    expectOnly({ ...base, tags: tags(21) }, { tags: ["Use at most 20 tags"] });
    expect(parsed({ ...base, tags: [...tags(20), "TAG 0", "Tag 1"] }).tags).toHaveLength(20);
  });
  it("refuses what isn't a list of text", () => {
    expectOnly({ ...base, tags: "a,b" }, { tags: ["Tags must be a list"] });
    expectOnly({ ...base, tags: [3] }, { "tags.0": ["Tags must be text"] });
  });
  it("always yields at most 20 unique, trimmed, non-empty tags when it accepts", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 32 }), { maxLength: 30 }), (tags) => {
        const result = parse({ ...base, tags });
        if (!result.success) return;
        const out = result.data.tags;
        expect(out.length).toBeLessThanOrEqual(20);
        expect(new Set(out.map((tag) => tag.toLocaleLowerCase("en-US"))).size).toBe(out.length);
        for (const tag of out) expect(tag).toBe(tag.trim());
        for (const tag of out) expect(tag.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("lead_source, primary_service_location_uuid", () => {
  it.each(LEAD_SOURCES)("accepts the lead source %j", (source) => {
    expect(parsed({ ...base, lead_source: source }).lead_source).toBe(source);
  });
  it("reads an empty lead source as none and refuses one not on the list", () => {
    expect(parsed({ ...base, lead_source: "" }).lead_source).toBeNull();
    expectOnly({ ...base, lead_source: "TikTok" }, { lead_source: ["Choose a lead source from the list"] });
  });
  it("accepts a location id, or none", () => {
    expect(parsed({ ...base, primary_service_location_uuid: LOCATION }).primary_service_location_uuid).toBe(LOCATION);
    expect(parsed({ ...base, primary_service_location_uuid: null }).primary_service_location_uuid).toBeNull();
  });
  it("refuses something that isn't an id", () => {
    expectOnly(
      { ...base, primary_service_location_uuid: "seattle" },
      {
        primary_service_location_uuid: ["Choose a service location from the list"],
      },
    );
  });
});

describe("customerUpdateSchema", () => {
  it("requires the updated_at the user started from", () => {
    expect(issuesOf(customerUpdateSchema.safeParse({ phone: "206-555-1234" }))).toEqual({
      expected_updated_at: ["This form is missing the record's last-updated time; reload the page and try again"],
    });
    expect(issuesOf(customerUpdateSchema.safeParse({ expected_updated_at: "yesterday" }))).toEqual({
      expected_updated_at: ["This form is missing the record's last-updated time; reload the page and try again"],
    });
  });
  it("accepts timestamps with or without milliseconds", () => {
    for (const stamp of ["2024-01-15T10:30:00Z", "2025-02-18T14:30:00.000Z"]) {
      expect(customerUpdateSchema.safeParse({ expected_updated_at: stamp }).success).toBe(true);
    }
  });
  it("returns only the fields sent, normalized, without create defaults", () => {
    expect(customerUpdateSchema.parse({ expected_updated_at: UPDATED_AT, phone: "(206) 555-1234", email: "" })).toEqual({
      expected_updated_at: UPDATED_AT,
      phone: "206-555-1234",
      email: null,
    });
  });
  it("applies the per-field rules", () => {
    expect(issuesOf(customerUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, first_name: "J", physical_zip: "1" }))).toEqual({
      first_name: ["First name needs at least 2 characters"],
      physical_zip: ["Enter a ZIP code like 98101 or 98101-1234"],
    });
  });
  it("rejects unknown fields", () => {
    const result = customerUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, updated_at: UPDATED_AT });
    expect(fieldErrors(result.error!)).toEqual({ updated_at: "This field is not accepted." });
  });
  it("leaves the cross-field rules to checkCustomerRules on the merged record", () => {
    expect(customerUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, email: "", phone: "" }).success).toBe(true);
  });
  it("copies billing only when the physical address comes with it", () => {
    expect(issuesOf(customerUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, billing_same_as_physical: true, physical_city: "Seattle" }))).toEqual({
      billing_same_as_physical: ["To copy the physical address to billing, send the physical address too"],
    });
    const value = customerUpdateSchema.parse({
      expected_updated_at: UPDATED_AT,
      billing_same_as_physical: true,
      billing_zip: "stale",
      physical_address1: "1 Pine St",
      physical_address2: "",
      physical_city: "Tacoma",
      physical_state: "wa",
      physical_zip: "98402",
    });
    expect(value).toMatchObject({ billing_address1: "1 Pine St", billing_address2: null, billing_city: "Tacoma", billing_state: "WA", billing_zip: "98402" });
  });
});

describe("checkCustomerRules", () => {
  it("returns field → message for a merged record", () => {
    const merged = { ...customerToFormValues(crmCustomer), phone: null, on_my_way_notify_via: "sms" };
    expect(checkCustomerRules(merged)).toEqual({ on_my_way_notify_via: "SMS notifications need a phone number" });
    expect(checkCustomerRules({ ...merged, email: null })).toEqual({
      email: "Add an email or a phone number",
      phone: "Add an email or a phone number",
      on_my_way_notify_via: "SMS notifications need a phone number",
    });
  });
  it("counts the form's empty strings as not given", () => {
    expect(checkCustomerRules({ email: "", phone: "  ", marketing_email_opt_in: true })).toEqual({
      email: "Add an email or a phone number",
      phone: "Add an email or a phone number",
      marketing_email_opt_in: "Marketing emails need an email address",
    });
  });
  it("with the changed fields, lets a record another integration left broken take an unrelated edit", () => {
    const broken = { ...customerToFormValues({ ...crmCustomer, email: null, phone: null }) };
    const patch = { is_vip: true };
    expect(checkCustomerRules({ ...broken, ...patch }, Object.keys(patch))).toEqual({});
    const touching = { email: null };
    expect(checkCustomerRules({ ...broken, ...touching }, Object.keys(touching))).toEqual({
      email: "Add an email or a phone number",
      phone: "Add an email or a phone number",
    });
  });
  it("refuses a patch that breaks a rule through another field", () => {
    const current = customerToFormValues({ ...crmCustomer, internal_flags: { tradesdesk: { marketing_sms_opt_in: true } } });
    const patch = { phone: null };
    expect(checkCustomerRules({ ...current, ...patch }, Object.keys(patch))).toEqual({
      marketing_sms_opt_in: "Marketing texts need a phone number",
    });
  });
});
