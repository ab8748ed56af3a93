// One file for the schema's cases, field by field and rule by rule: the cases are a
// table to read down, and splitting it by field would scatter the shared helpers above them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/api/field-errors";
import { JOB_PRIORITIES, JOB_STATUSES } from "@/lib/jobs/job-enums";
import { checkJobRules, isRealDate, parseAmount } from "@/lib/jobs/job-fields";
import { jobFormDefaults, jobInputSchema, jobUpdateSchema } from "@/lib/jobs/job-schema";
import { jobToFormValues, serviceAddressFromCustomer } from "@/lib/jobs/job-crm-mapping";
import { issuesOf, schemaCases } from "@/tests/support/schema-cases";

const CUSTOMER = "123e4567-e89b-12d3-a456-426614174000";
const LOCATION = "6c1d2e3f-0000-4000-8000-000000000001";
const TECHNICIAN = "5a1b2c3d-0000-4000-8000-000000000003";
const UPDATED_AT = "2025-02-18T14:30:00.000Z";

const base = { customer_uuid: CUSTOMER, title: "Fix leaky faucet" };

const { parse, parsed } = schemaCases(jobInputSchema);
const expectOnly = (input: Record<string, unknown>, expected: Record<string, string[]>) => expect(issuesOf(parse(input))).toEqual(expected);

const CENTS = "Use at most two decimal places (cents)";
const NEGATIVE = "Amounts can't be negative";
const FORMAT = "Enter an amount like 1250.00";
const TOO_LARGE = "Amounts can be at most $10,000,000";

describe("jobInputSchema: the minimal job", () => {
  it("fills every optional field with its default", () => {
    expect(parsed(base)).toEqual({
      customer_uuid: CUSTOMER,
      title: "Fix leaky faucet",
      description: null,
      status: "New",
      priority: "Normal",
      is_urgent: false,
      is_emergency: false,
      location_uuid: null,
      assigned_to_user_id: null,
      use_customer_address: false,
      service_address1: null,
      service_address2: null,
      service_city: null,
      service_state: null,
      service_zip: null,
      estimated_amount: null,
      actual_amount: null,
      scheduled_date: null,
      scheduled_time_start: null,
      scheduled_time_end: null,
      internal_notes: null,
      customer_notes: null,
    });
  });
  it("on the empty form, asks for a customer and a title only", () => {
    expectOnly({ ...jobFormDefaults }, { customer_uuid: ["Choose a customer"], title: ["Add a title"] });
  });
  it("rejects unknown fields, including CRM fields the form doesn't write", () => {
    for (const field of ["job_number", "started_at", "uuid", "priority_level"]) {
      const result = parse({ ...base, [field]: "x" });
      expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: [field], message: `Unknown job field: “${field}”` })]);
      expect(fieldErrors(result.error!)).toEqual({ [field]: "This field is not accepted." });
    }
  });
});

describe("customer_uuid, title, text fields", () => {
  it.each([undefined, "", "  ", "john", null, 42])("refuses the customer %j", (value) => {
    expectOnly({ ...base, customer_uuid: value }, { customer_uuid: ["Choose a customer"] });
  });
  it.each([undefined, "", "   ", null])("refuses the title %j", (value) => {
    expectOnly({ ...base, title: value }, { title: ["Add a title"] });
  });
  it("trims the title and bounds it at 200 characters", () => {
    expect(parsed({ ...base, title: "  Water heater  " }).title).toBe("Water heater");
    expect(parsed({ ...base, title: "t".repeat(200) }).title).toHaveLength(200);
    expectOnly({ ...base, title: "t".repeat(201) }, { title: ["Title can be at most 200 characters"] });
  });
  it.each([
    ["description", "Description can be at most 5,000 characters"],
    ["internal_notes", "Internal notes can be at most 5,000 characters"],
    ["customer_notes", "Customer notes can be at most 5,000 characters"],
  ])("bounds %s at 5,000 characters", (field, message) => {
    expect(parsed({ ...base, [field]: "n".repeat(5000) })[field as "description"]).toHaveLength(5000);
    expect(parsed({ ...base, [field]: "" })[field as "description"]).toBeNull();
    expectOnly({ ...base, [field]: "n".repeat(5001) }, { [field]: [message] });
  });
});

describe("status, priority, flags, ids", () => {
  it.each(JOB_STATUSES)("accepts the status %j", (status) => {
    expect(parsed({ ...base, status }).status).toBe(status);
  });
  it.each(["Done", "new", "", null])("refuses the status %j", (status) => {
    expectOnly({ ...base, status }, { status: ["Choose a status from the list"] });
  });
  it.each(JOB_PRIORITIES)("accepts the priority %j", (priority) => {
    expect(parsed({ ...base, priority }).priority).toBe(priority);
  });
  it("refuses an unknown priority", () => {
    expectOnly({ ...base, priority: "Urgent" }, { priority: ["Choose a priority from the list"] });
  });
  it("takes booleans for urgent and emergency", () => {
    expect(parsed({ ...base, is_urgent: true, is_emergency: true })).toMatchObject({ is_urgent: true, is_emergency: true });
    expectOnly(
      { ...base, is_urgent: "true", is_emergency: 1 },
      {
        is_urgent: ["Urgent must be true or false"],
        is_emergency: ["Emergency must be true or false"],
      },
    );
  });
  it("accepts ids or none for location and assignee", () => {
    expect(parsed({ ...base, location_uuid: LOCATION, assigned_to_user_id: TECHNICIAN })).toMatchObject({
      location_uuid: LOCATION,
      assigned_to_user_id: TECHNICIAN,
    });
    expect(parsed({ ...base, location_uuid: "", assigned_to_user_id: null })).toMatchObject({ location_uuid: null, assigned_to_user_id: null });
    expectOnly(
      { ...base, location_uuid: "Seattle", assigned_to_user_id: "bob" },
      {
        location_uuid: ["Choose a location from the list"],
        assigned_to_user_id: ["Choose a team member from the list"],
      },
    );
  });
});

describe("service address", () => {
  it("uses the customer address rules", () => {
    expect(parsed({ ...base, service_state: "or", service_zip: "972011234" })).toMatchObject({ service_state: "OR", service_zip: "97201-1234" });
    expectOnly(
      { ...base, service_state: "Oregon", service_zip: "9720", service_city: "c".repeat(61) },
      {
        service_state: ["Enter a 2-letter US state code, like WA"],
        service_zip: ["Enter a ZIP code like 98101 or 98101-1234"],
        service_city: ["City can be at most 60 characters"],
      },
    );
  });
  it("with 'use the customer's address', ignores the hidden inputs and leaves them to the route", () => {
    const value = parsed({ ...base, use_customer_address: true, service_zip: "stale", service_city: "Old town" });
    expect(value).toMatchObject({ use_customer_address: true, service_city: null, service_zip: null });
  });
  it("serviceAddressFromCustomer maps the customer's physical address", () => {
    expect(serviceAddressFromCustomer({ physical_address1: "123 Main St", physical_city: "Seattle", physical_state: "WA", physical_zip: "98101" })).toEqual({
      service_address1: "123 Main St",
      service_address2: null,
      service_city: "Seattle",
      service_state: "WA",
      service_zip: "98101",
    });
  });
});

describe("amounts", () => {
  it.each([
    ["1250", 1250],
    ["1250.5", 1250.5],
    ["1250.50", 1250.5],
    ["1250.500", 1250.5],
    ["$1,250.50", 1250.5],
    [" 0.99 ", 0.99],
    [".5", 0.5],
    ["12.", 12],
    ["0", 0],
    ["-0", 0],
    ["10000000", 10_000_000],
    ["", null],
    ["  ", null],
  ])("reads the typed %j as %j", (text, value) => {
    expect(parsed({ ...base, estimated_amount: text }).estimated_amount).toBe(value);
  });
  it.each([
    [150, 150],
    [99.99, 99.99],
    [0.1 + 0.2, 0.3],
    [1.1 * 3, 3.3],
    [null, null],
  ])("reads the number %j as %j", (number, value) => {
    expect(parsed({ ...base, actual_amount: number }).actual_amount).toBe(value);
  });
  it.each([
    ["12.345", CENTS],
    ["0.001", CENTS],
    [1.005, CENTS],
    [0.125, CENTS],
    ["-5", NEGATIVE],
    ["-$5", NEGATIVE],
    [-0.01, NEGATIVE],
    ["-12.345", NEGATIVE],
    ["10000000.01", TOO_LARGE],
    [1e8, TOO_LARGE],
    ["abc", FORMAT],
    ["1,25", FORMAT],
    ["12,34,567", FORMAT],
    ["1e3", FORMAT],
    ["$", FORMAT],
    [Number.NaN, FORMAT],
    [Number.POSITIVE_INFINITY, FORMAT],
    [true, FORMAT],
  ])("refuses %j: %s", (value, message) => {
    expectOnly({ ...base, estimated_amount: value }, { estimated_amount: [message] });
  });

  it("accepts any whole number of cents, typed or as a number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => {
        const dollars = cents / 100;
        expect(parseAmount((cents / 100).toFixed(2))).toEqual({ ok: true, value: dollars });
        expect(parseAmount(dollars)).toEqual({ ok: true, value: dollars });
      }),
      { numRuns: 500 },
    );
  });
  it("refuses every negative amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (cents) => {
        expect(parseAmount(-cents / 100)).toEqual({ ok: false, message: NEGATIVE });
        expect(parseAmount(`-${(cents / 100).toFixed(2)}`)).toEqual({ ok: false, message: NEGATIVE });
      }),
    );
  });
  it("refuses a third decimal that isn't zero, as typed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9 }), (whole, cents, mills) => {
        const text = `${whole}.${String(cents).padStart(2, "0")}${mills}`;
        expect(parseAmount(text)).toEqual({ ok: false, message: CENTS });
      }),
    );
  });
  it("rounds sums of cents that picked up float noise", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 }), (items) => {
        const floatSum = items.reduce((sum, cents) => sum + cents / 100, 0);
        const exact = items.reduce((sum, cents) => sum + cents, 0) / 100;
        expect(parseAmount(floatSum)).toEqual({ ok: true, value: exact });
      }),
    );
  });
});

describe("scheduled_date", () => {
  it.each(["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01"])("accepts %j", (date) => {
    expect(parsed({ ...base, scheduled_date: date }).scheduled_date).toBe(date);
  });
  it.each(["2026-02-29", "2026-02-30", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"])(
    "refuses the non-existent %j",
    (date) => {
      expectOnly({ ...base, scheduled_date: date }, { scheduled_date: ["That date doesn't exist; check the day and month"] });
    },
  );
  it.each(["2026-1-5", "01/05/2026", "tomorrow", "2025-01-20T10:00:00Z", "20260105"])("refuses the malformed %j", (date) => {
    expectOnly({ ...base, scheduled_date: date }, { scheduled_date: ["Enter a date like 2026-03-14"] });
  });
  it("reads an empty date as none", () => {
    expect(parsed({ ...base, scheduled_date: "" }).scheduled_date).toBeNull();
  });
  it("isRealDate agrees with the calendar on any YYYY-MM-DD", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const date = new Date(`${text}T00:00:00Z`);
        const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
        expect(isRealDate(text)).toBe(real);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("scheduled times", () => {
  const day = { ...base, scheduled_date: "2026-03-14" };
  it.each([
    ["09:30", "09:30"],
    ["9:30", "09:30"],
    ["00:00", "00:00"],
    ["23:59", "23:59"],
    [" 14:05 ", "14:05"],
  ])("reads %j as %j", (time, expected) => {
    expect(parsed({ ...day, scheduled_time_start: time }).scheduled_time_start).toBe(expected);
  });
  it.each(["24:00", "12:60", "9am", "09:30:00", "930", "0930", "-1:00", "123:00"])("refuses %j", (time) => {
    expectOnly({ ...day, scheduled_time_start: time }, { scheduled_time_start: ["Enter a time like 09:30"] });
  });
  it("wants a start time when there is an end time", () => {
    expectOnly({ ...day, scheduled_time_end: "11:00" }, { scheduled_time_start: ["Add a start time for this end time"] });
  });
  it.each([
    ["11:00", "09:00"],
    ["09:00", "09:00"],
    ["23:00", "01:00"],
  ])("puts 'end after start' on the end field: %j to %j", (start, end) => {
    expectOnly(
      { ...day, scheduled_time_start: start, scheduled_time_end: end },
      {
        scheduled_time_end: ["End time must be after the start time"],
      },
    );
  });
  it("accepts a start alone, or a start before the end", () => {
    expect(parsed({ ...day, scheduled_time_start: "09:00" })).toMatchObject({ scheduled_time_start: "09:00", scheduled_time_end: null });
    expect(parsed({ ...day, scheduled_time_start: "9:00", scheduled_time_end: "11:00" })).toMatchObject({
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:00",
    });
  });
  it("compares padded and unpadded times correctly", () => {
    expectOnly(
      { ...day, scheduled_time_start: "10:00", scheduled_time_end: "9:30" },
      {
        scheduled_time_end: ["End time must be after the start time"],
      },
    );
  });
  it("wants a date for the times", () => {
    expectOnly({ ...base, scheduled_time_start: "09:00" }, { scheduled_date: ["Pick a date for these times"] });
    expectOnly(
      { ...base, scheduled_date: "", scheduled_time_start: "09:00", scheduled_time_end: "08:00" },
      {
        scheduled_date: ["Pick a date for these times"],
        scheduled_time_end: ["End time must be after the start time"],
      },
    );
  });
  it("doesn't pile a rule on a malformed time", () => {
    expectOnly({ ...day, scheduled_time_start: "9am", scheduled_time_end: "08:00" }, { scheduled_time_start: ["Enter a time like 09:30"] });
  });
  it("accepts exactly the pairs where the end is later", () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(time, time, (start, end) => {
        const result = parse({ ...day, scheduled_time_start: start, scheduled_time_end: end });
        expect(result.success).toBe(end > start);
      }),
      { numRuns: 500 },
    );
  });
});

describe("jobUpdateSchema and checkJobRules", () => {
  it("requires expected_updated_at and returns only the fields sent", () => {
    expect(issuesOf(jobUpdateSchema.safeParse({ status: "Scheduled" }))).toEqual({
      expected_updated_at: ["This form is missing the record's last-updated time; reload the page and try again"],
    });
    expect(jobUpdateSchema.parse({ expected_updated_at: UPDATED_AT, status: "In Progress", actual_amount: 150 })).toEqual({
      expected_updated_at: UPDATED_AT,
      status: "In Progress",
      actual_amount: 150,
    });
  });
  it("applies the per-field rules and rejects unknown fields", () => {
    expect(issuesOf(jobUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, actual_amount: -1, scheduled_date: "2026-02-30" }))).toEqual({
      actual_amount: [NEGATIVE],
      scheduled_date: ["That date doesn't exist; check the day and month"],
    });
    const unknown = jobUpdateSchema.safeParse({ expected_updated_at: UPDATED_AT, completed_at: UPDATED_AT });
    expect(fieldErrors(unknown.error!)).toEqual({ completed_at: "This field is not accepted." });
  });
  it("drops hidden service inputs when the address comes from the customer", () => {
    expect(jobUpdateSchema.parse({ expected_updated_at: UPDATED_AT, use_customer_address: true, service_zip: "x" })).toEqual({
      expected_updated_at: UPDATED_AT,
      use_customer_address: true,
    });
  });
  it("checks the scheduling rules on the merged record", () => {
    const current = jobToFormValues({
      title: "Repair",
      customer_uuid: CUSTOMER,
      scheduled_date: "2026-03-14",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:00",
    });
    const patch = jobUpdateSchema.parse({ expected_updated_at: UPDATED_AT, scheduled_time_start: "12:00" });
    expect(checkJobRules({ ...current, ...patch }, Object.keys(patch))).toEqual({ scheduled_time_end: "End time must be after the start time" });
    const clearDate = jobUpdateSchema.parse({ expected_updated_at: UPDATED_AT, scheduled_date: "" });
    expect(checkJobRules({ ...current, ...clearDate }, Object.keys(clearDate))).toEqual({ scheduled_date: "Pick a date for these times" });
  });
  it("lets an unrelated edit through on a record that already breaks a rule", () => {
    const broken = jobToFormValues({ title: "Repair", customer_uuid: CUSTOMER, scheduled_time_start: "11:00", scheduled_time_end: "09:00" });
    expect(checkJobRules({ ...broken, status: "Complete" }, ["status"])).toEqual({});
    expect(checkJobRules(broken)).toEqual({
      scheduled_time_end: "End time must be after the start time",
      scheduled_date: "Pick a date for these times",
    });
  });
});
