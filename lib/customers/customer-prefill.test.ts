import { describe, expect, it } from "vitest";
import { newCustomerHref } from "@/lib/customers/customer-prefill";
import { customerPrefillDefaults } from "@/lib/customers/customer-prefill-defaults";
import { customerFormDefaults } from "@/lib/customers/customer-schema";

const paramsOf = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("newCustomerHref", () => {
  it("puts a whole phone number, in any format, into the phone field", () => {
    for (const typed of ["(206) 555-1234", "206.555.1234", "+1 206 555 1234"]) {
      expect(newCustomerHref(typed)).toBe("/customers/new?phone=206-555-1234");
    }
  });

  it("keeps a phone fragment as typed", () => {
    expect(paramsOf(newCustomerHref("555-12"))).toEqual({ phone: "555-12" });
  });

  it("puts an email into the email field, lowercased", () => {
    expect(paramsOf(newCustomerHref("  Ann.Lee@Example.COM "))).toEqual({ email: "ann.lee@example.com" });
  });

  it("splits a name into first and last name, a single word being the last name", () => {
    expect(paramsOf(newCustomerHref("Marta  van Zed"))).toEqual({ first_name: "Marta", last_name: "van Zed" });
    expect(paramsOf(newCustomerHref("Okafor"))).toEqual({ last_name: "Okafor" });
  });

  it("links to an empty form when nothing usable was typed", () => {
    expect(newCustomerHref(" a ")).toBe("/customers/new");
  });
});

describe("customerPrefillDefaults", () => {
  it("fills the named fields and leaves the rest at the usual defaults", () => {
    const values = customerPrefillDefaults({ phone: "2065551234", email: "ann@example.com", last_name: "Lee", notes: "ignored" });
    expect(values).toEqual({ ...customerFormDefaults, phone: "(206) 555-1234", email: "ann@example.com", last_name: "Lee" });
  });

  it("takes the first of repeated parameters and ignores blank ones", () => {
    expect(customerPrefillDefaults({ first_name: ["Ann", "Bob"], last_name: "  " })).toEqual({ ...customerFormDefaults, first_name: "Ann" });
  });
});
