import { describe, expect, it } from "vitest";
import { duplicateLookups, exactDuplicates } from "@/lib/customers/find-duplicates";
import type { CustomerDto } from "@/lib/customers/customer-types";

function customer(uuid: string, phone: string | null, email: string | null, deleted = false): CustomerDto {
  return { uuid, first_name: "A", last_name: "B", phone, email, deleted_at: deleted ? "2025-01-01T00:00:00Z" : null } as CustomerDto;
}

describe("duplicateLookups", () => {
  it("looks up a valid phone by its 10 digits and a valid email lowercased", () => {
    expect(duplicateLookups({ phone: "+1 (206) 555-0142", email: " Ann@Example.com " })).toEqual({ phone: "2065550142", email: "ann@example.com" });
  });

  it("skips values that are empty or not yet valid", () => {
    expect(duplicateLookups({ phone: "206-555", email: "ann@" })).toEqual({ phone: null, email: null });
    expect(duplicateLookups({ phone: "", email: "" })).toEqual({ phone: null, email: null });
  });
});

describe("exactDuplicates", () => {
  const found = [
    customer("1", "206-555-0142", "someone@example.com"),
    customer("2", "206-555-0143", "ann@example.com"),
    customer("3", "206-555-0142", "ANN@example.com"),
    customer("4", "206-555-0142", null, true),
    customer("5", "206-555-0142", "joann@example.com"),
  ];

  it("keeps exact phone or email matches, naming why, once per customer", () => {
    const matches = exactDuplicates([...found, found[2]!], { phone: "2065550142", email: "ann@example.com" });
    expect(matches.map((match) => [match.customer.uuid, match.reasons])).toEqual([
      ["1", ["phone"]],
      ["2", ["email"]],
      ["3", ["phone", "email"]],
      ["5", ["phone"]],
    ]);
  });

  it("leaves out deleted customers and the customer being edited", () => {
    expect(exactDuplicates(found, { phone: "2065550142", email: null }, "1").map((match) => match.customer.uuid)).toEqual(["3", "5"]);
  });
});
