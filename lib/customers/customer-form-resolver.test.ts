import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { customerFormResolver } from "@/lib/customers/customer-form-resolver";
import { customerFormDefaults, type CustomerFormState } from "@/lib/customers/customer-schema";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<CustomerFormState>;
const messages = (errors: object) => Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, (error as { message?: string }).message]));

describe("customerFormResolver", () => {
  it("checks every rule of the shared schema on a new customer, in plain words", async () => {
    const result = await customerFormResolver()(
      { ...customerFormDefaults, first_name: "J", last_name: "Sm1th", on_my_way_notify_via: "sms", phone: "+44 20 7946 0958" },
      undefined,
      options,
    );
    expect(messages(result.errors)).toMatchObject({
      first_name: "First name needs at least 2 characters",
      last_name: "Last name can't contain numbers",
      phone: expect.stringMatching(/US phone number/),
    });
  });

  it("asks for an email or a phone on both fields, and a channel's contact detail on the channel", async () => {
    const result = await customerFormResolver()(
      { ...customerFormDefaults, first_name: "Ann", last_name: "Lee", on_my_way_notify_via: "sms" },
      undefined,
      options,
    );
    expect(messages(result.errors)).toEqual({
      email: "Add an email or a phone number",
      phone: "Add an email or a phone number",
      on_my_way_notify_via: "SMS notifications need a phone number",
    });
  });

  it("passes valid values through as typed", async () => {
    const values = { ...customerFormDefaults, first_name: "Ann", last_name: "Lee", phone: "(206) 555-0142" };
    expect(await customerFormResolver()(values, undefined, options)).toEqual({ values, errors: {} });
  });

  describe("when editing", () => {
    const stored: CustomerFormState = { ...customerFormDefaults, first_name: "Ann", last_name: "Lee 2nd", phone: "206-555-0142" };

    it("does not block an edit on a problem the record already had in a field left alone", async () => {
      const values = { ...stored, notes: "Gate code 1234" };
      expect(await customerFormResolver(stored)(values, undefined, options)).toEqual({ values, errors: {} });
    });

    it("reports problems in changed fields and the rules they take part in", async () => {
      const result = await customerFormResolver(stored)({ ...stored, phone: "", first_name: "A" }, undefined, options);
      expect(messages(result.errors)).toEqual({
        first_name: "First name needs at least 2 characters",
        email: "Add an email or a phone number",
        phone: "Add an email or a phone number",
      });
    });
  });
});
