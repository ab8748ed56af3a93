import { describe, expect, it } from "vitest";
import { buildCustomerPatch, changedCustomerFields, describeConflict, reapplyChanges } from "@/lib/customers/customer-changes";
import { customerFormDefaults, customerUpdateSchema, type CustomerFormState } from "@/lib/customers/customer-schema";

const AT = "2025-02-18T14:30:00.000Z";
const base: CustomerFormState = {
  ...customerFormDefaults,
  first_name: "Marta",
  last_name: "Zed",
  phone: "206-555-0142",
  physical_address1: "1 Pine St",
  physical_city: "Seattle",
  physical_state: "WA",
  physical_zip: "98101",
  billing_same_as_physical: true,
  billing_address1: "1 Pine St",
  billing_city: "Seattle",
  billing_state: "WA",
  billing_zip: "98101",
  tags: ["gate code"],
};

describe("changedCustomerFields", () => {
  it("finds changed fields in form order, ignoring surrounding spaces", () => {
    expect(changedCustomerFields(base, { ...base, notes: "Dog", first_name: " Marta ", tags: ["gate code", "dog"] })).toEqual(["tags", "notes"]);
  });

  it("ignores hidden billing inputs while billing is the physical address", () => {
    expect(changedCustomerFields(base, { ...base, billing_city: "Tacoma" })).toEqual([]);
    expect(changedCustomerFields(base, { ...base, billing_same_as_physical: false, billing_city: "Tacoma" })).toEqual([
      "billing_same_as_physical",
      "billing_city",
    ]);
  });
});

describe("buildCustomerPatch", () => {
  it("is null when nothing changed", () => {
    expect(buildCustomerPatch(base, { ...base }, AT)).toBeNull();
  });

  it("sends only the changed fields and the time the edit started from", () => {
    expect(buildCustomerPatch(base, { ...base, email: "m@example.com", is_vip: true }, AT)).toEqual({
      expected_updated_at: AT,
      is_vip: true,
      email: "m@example.com",
    });
  });

  it("sends the whole physical address with the tick when it changes, so billing follows", () => {
    const patch = buildCustomerPatch(base, { ...base, physical_city: "Tacoma" }, AT);
    expect(patch).toEqual({
      expected_updated_at: AT,
      physical_address1: "1 Pine St",
      physical_address2: "",
      physical_city: "Tacoma",
      physical_state: "WA",
      physical_zip: "98101",
      billing_same_as_physical: true,
    });
    expect(customerUpdateSchema.parse(patch)).toMatchObject({ billing_city: "Tacoma", billing_address1: "1 Pine St" });
  });

  it("sends the billing address shown when the tick is removed", () => {
    const patch = buildCustomerPatch(base, { ...base, billing_same_as_physical: false, billing_address1: "PO Box 9" }, AT);
    expect(patch).toEqual({
      expected_updated_at: AT,
      billing_same_as_physical: false,
      billing_address1: "PO Box 9",
      billing_address2: "",
      billing_city: "Seattle",
      billing_state: "WA",
      billing_zip: "98101",
    });
    expect(customerUpdateSchema.safeParse(patch).success).toBe(true);
  });
});

describe("after a conflict", () => {
  const mine: CustomerFormState = { ...base, phone: "206-555-0199", notes: "Call first" };
  const current: CustomerFormState = { ...base, notes: "Gate is blue", company_name: "Zed Plumbing" };

  it("lays this person's changes on top of the record as it is now", () => {
    expect(reapplyChanges(base, mine, current)).toEqual({ ...current, phone: "206-555-0199", notes: "Call first" });
  });

  it("lists each field either side changed, flagging the ones both changed differently", () => {
    expect(describeConflict(base, mine, current)).toEqual([
      { field: "company_name", before: "", current: "Zed Plumbing", mine: "", theyChanged: true, iChanged: false, clash: false },
      { field: "phone", before: "206-555-0142", current: "206-555-0142", mine: "206-555-0199", theyChanged: false, iChanged: true, clash: false },
      { field: "notes", before: "", current: "Gate is blue", mine: "Call first", theyChanged: true, iChanged: true, clash: true },
    ]);
  });

  it("then sends only this person's changes on top of the new version", () => {
    const merged = reapplyChanges(base, mine, current);
    expect(buildCustomerPatch(current, merged, "2025-02-18T15:00:00.000Z")).toEqual({
      expected_updated_at: "2025-02-18T15:00:00.000Z",
      phone: "206-555-0199",
      notes: "Call first",
    });
  });
});
