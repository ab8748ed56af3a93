import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/api/field-errors";
import { CUSTOMER_FILTERS } from "@/lib/customers/customer-enums";
import { customerListFiltersSchema } from "@/lib/customers/customer-list-filters";

const parse = (query: Record<string, unknown>) => customerListFiltersSchema.safeParse(query);
const messages = (query: Record<string, unknown>) => {
  const result = parse(query);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
};

describe("customerListFiltersSchema", () => {
  it("defaults everything", () => {
    expect(customerListFiltersSchema.parse({})).toEqual({ filter: "all", include_deleted: false, page: 1, limit: 25 });
  });

  it("reads a full query", () => {
    expect(customerListFiltersSchema.parse({ filter: "vip", search: "  john ", include_deleted: "true", page: "4", limit: "50" })).toEqual({
      filter: "vip",
      search: "john",
      include_deleted: true,
      page: 4,
      limit: 50,
    });
  });

  it("treats the empty values a cleared form leaves in the URL as the defaults", () => {
    expect(customerListFiltersSchema.parse({ filter: "", search: "   ", include_deleted: "", page: "", limit: "" })).toEqual({
      filter: "all",
      search: undefined,
      include_deleted: false,
      page: 1,
      limit: 25,
    });
  });

  it.each(CUSTOMER_FILTERS)("accepts the filter %j", (filter) => {
    expect(customerListFiltersSchema.parse({ filter }).filter).toBe(filter);
  });

  it.each([
    [{ filter: "VIP" }, "filter", "Filter by all, residential, commercial or vip"],
    [{ filter: "deleted" }, "filter", "Filter by all, residential, commercial or vip"],
    [{ search: "s".repeat(201) }, "search", "Search can be at most 200 characters"],
    [{ include_deleted: "1" }, "include_deleted", "include_deleted must be true or false"],
    [{ include_deleted: "TRUE" }, "include_deleted", "include_deleted must be true or false"],
    [{ page: "0" }, "page", "Page must be a whole number of 1 or more"],
    [{ page: "-2" }, "page", "Page must be a whole number of 1 or more"],
    [{ page: "2.5" }, "page", "Page must be a whole number of 1 or more"],
    [{ page: "two" }, "page", "Page must be a whole number of 1 or more"],
    [{ page: "1e3" }, "page", "Page must be a whole number of 1 or more"],
    [{ limit: "10" }, "limit", "Show 25, 50 or 100 per page"],
    [{ limit: "500" }, "limit", "Show 25, 50 or 100 per page"],
  ])("refuses %j", (query, path, message) => {
    expect(messages(query)).toEqual({ [path]: message });
  });

  it("accepts a search of exactly 200 characters", () => {
    expect(customerListFiltersSchema.parse({ search: "s".repeat(200) }).search).toHaveLength(200);
  });

  it("rejects unknown parameters, naming them", () => {
    const result = parse({ order: "name", q: "john" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", message: "Unknown filter: “order”, “q”" })]);
    expect(fieldErrors(result.error!)).toEqual({ order: "This field is not accepted.", q: "This field is not accepted." });
  });

  it("reads the sort and the filters only the mirror answers", () => {
    expect(
      customerListFiltersSchema.parse({
        sort: "-last_name",
        tag: " gold ",
        lead_source: "Referral",
        email_opt_in: "true",
        sms_opt_in: "false",
        city: "Springfield",
        zip: "627",
      }),
    ).toEqual({
      filter: "all",
      include_deleted: false,
      page: 1,
      limit: 25,
      sort: { key: "last_name", direction: "desc" },
      tag: "gold",
      lead_source: "Referral",
      email_opt_in: true,
      sms_opt_in: false,
      city: "Springfield",
      zip: "627",
    });
    expect(customerListFiltersSchema.parse({ sort: "", tag: "", lead_source: "", email_opt_in: "" })).toEqual({
      filter: "all",
      include_deleted: false,
      page: 1,
      limit: 25,
    });
  });

  it.each([
    [{ sort: "shoe_size" }, "sort"],
    [{ sort: "-city" }, "sort"],
    [{ sort: "--last_name" }, "sort"],
  ])("refuses a sort the table does not offer, naming those it does: %j", (query, path) => {
    const message = messages(query)[path];
    expect(message).toContain("isn't offered");
    expect(message).toContain("last_name, company_name, customer_type, phone, email, physical_address, tags, created_at");
  });

  it.each([
    [{ lead_source: "Radio" }, "lead_source", "Lead source must be one of"],
    [{ email_opt_in: "yes" }, "email_opt_in", "email_opt_in must be true or false"],
    [{ sms_opt_in: "1" }, "sms_opt_in", "sms_opt_in must be true or false"],
    [{ tag: "t".repeat(41) }, "tag", "Tag can be at most 40 characters"],
    [{ zip: "1".repeat(11) }, "zip", "ZIP can be at most 10 characters"],
  ])("refuses the filter value %j", (query, path, message) => {
    expect(messages(query)[path]).toContain(message);
  });

  it("reads any page number from 1 up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (page) => {
        expect(customerListFiltersSchema.parse({ page: String(page) }).page).toBe(page);
      }),
    );
  });

  it("never throws on arbitrary query values", () => {
    const keys = fc.constantFrom("filter", "search", "include_deleted", "page", "limit");
    fc.assert(
      fc.property(fc.dictionary(keys, fc.string()), (query) => {
        const result = parse(query);
        if (result.success) expect([25, 50, 100]).toContain(result.data.limit);
      }),
    );
  });
});
