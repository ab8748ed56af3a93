import { describe, expect, it } from "vitest";
import { jobFormDefaults, jobInputSchema, jobUpdateSchema } from "@/lib/jobs/job-schema";
import { jobToFormValues, serviceAddressFromCustomer, toCrmJobBody, type CrmJobRecord } from "@/lib/jobs/job-crm-mapping";
import { schemaCases } from "@/tests/support/schema-cases";

const CUSTOMER = "123e4567-e89b-12d3-a456-426614174000";
const LOCATION = "6c1d2e3f-0000-4000-8000-000000000001";
const TECHNICIAN = "5a1b2c3d-0000-4000-8000-000000000003";
const UPDATED_AT = "2025-02-18T14:30:00.000Z";

const base = { customer_uuid: CUSTOMER, title: "Fix leaky faucet" };

const { parsed } = schemaCases(jobInputSchema);

const DOCUMENTED_JOB_FIELDS = new Set([
  "customer_uuid",
  "location_uuid",
  "assigned_to_user_id",
  "title",
  "description",
  "status",
  "priority",
  "is_urgent",
  "is_emergency",
  "service_address1",
  "service_address2",
  "service_city",
  "service_state",
  "service_zip",
  "estimated_amount",
  "actual_amount",
  "scheduled_date",
  "scheduled_time_start",
  "scheduled_time_end",
  "internal_notes",
  "customer_notes",
]);

describe("toCrmJobBody", () => {
  it("writes documented field names only, the date as YYYY-MM-DD and amounts as numbers", () => {
    const input = parsed({ ...base, use_customer_address: true, scheduled_date: "2026-03-14", scheduled_time_start: "9:00", estimated_amount: "$1,250.50" });
    const body = toCrmJobBody({ ...input, ...serviceAddressFromCustomer({ physical_city: "Seattle" }) });
    for (const key of Object.keys(body)) expect(DOCUMENTED_JOB_FIELDS.has(key)).toBe(true);
    expect(body).toMatchObject({ scheduled_date: "2026-03-14", scheduled_time_start: "09:00", estimated_amount: 1250.5, service_city: "Seattle" });
    expect(body).not.toHaveProperty("use_customer_address");
  });
  it("sends only the fields of a partial update", () => {
    const patch = jobUpdateSchema.parse({ expected_updated_at: UPDATED_AT, status: "In Progress", actual_amount: "150" });
    expect(toCrmJobBody(patch)).toEqual({ status: "In Progress", actual_amount: 150 });
  });
});

describe("jobToFormValues", () => {
  /** CRM-API 002's job, with the timestamp-style scheduled_date of its example. */
  const crmJob: CrmJobRecord = {
    title: "Plumbing Repair",
    status: "Scheduled",
    priority: "Normal",
    customer: { uuid: CUSTOMER },
    scheduled_date: "2025-01-20T10:00:00Z",
    scheduled_time_start: "09:00",
    scheduled_time_end: "11:00:00",
    estimated_amount: 150,
    actual_amount: "99.5",
  };
  it("maps the CRM job to form values", () => {
    expect(jobToFormValues(crmJob)).toEqual({
      ...jobFormDefaults,
      customer_uuid: CUSTOMER,
      title: "Plumbing Repair",
      status: "Scheduled",
      use_customer_address: false,
      scheduled_date: "2025-01-20",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:00",
      estimated_amount: "150.00",
      actual_amount: "99.50",
    });
  });
  it("falls back to the defaults for values the selects can't show", () => {
    expect(jobToFormValues({ ...crmJob, status: "Archived", priority: null })).toMatchObject({ status: "New", priority: "Normal" });
  });
  it("round trips: form values parse back to the same CRM body", () => {
    const record = {
      customer_uuid: CUSTOMER,
      title: "Water heater",
      description: "Pilot light",
      status: "In Progress",
      priority: "High",
      is_urgent: true,
      is_emergency: false,
      location_uuid: LOCATION,
      assigned_to_user_id: TECHNICIAN,
      service_address1: "1 Pine St",
      service_address2: null,
      service_city: "Tacoma",
      service_state: "WA",
      service_zip: "98402",
      estimated_amount: 1250.5,
      actual_amount: null,
      scheduled_date: "2026-03-14",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:30",
      internal_notes: null,
      customer_notes: "Dog in yard",
    };
    expect(toCrmJobBody(parsed(jobToFormValues(record)))).toEqual(record);
  });
});
