import { describe, expect, it } from "vitest";
import { customerListFiltersSchema } from "@/lib/customers/customer-list-filters";
import { checkCustomerListUrl, customerListApiParams, loadCustomerListUrl, toCustomerListQuery } from "@/lib/customers/customer-list-url";

describe("the customer list URL", () => {
  it("reads a shared link into the list request", () => {
    const state = loadCustomerListUrl("?search=%20ann%20%20lee%20&filter=vip&deleted=true&page=3&limit=50");
    expect(toCustomerListQuery(state)).toEqual({ filter: "vip", search: "ann lee", include_deleted: true, page: 3, limit: 50 });
  });

  it("falls back to the defaults for values it can't use", () => {
    const state = loadCustomerListUrl("?filter=gold&page=-2&limit=7&deleted=maybe");
    expect(toCustomerListQuery(state)).toEqual({ filter: "all", search: "", include_deleted: false, page: 1, limit: 25 });
  });

  it("asks the API only for what differs from its defaults, in a form its schema accepts", () => {
    const query = toCustomerListQuery(loadCustomerListUrl("?search=smith&filter=commercial&page=2"));
    const params = customerListApiParams(query);
    expect(params.toString()).toBe("filter=commercial&search=smith&page=2&limit=25");
    expect(customerListFiltersSchema.parse(Object.fromEntries(params))).toEqual({
      filter: "commercial",
      search: "smith",
      include_deleted: false,
      page: 2,
      limit: 25,
    });
  });

  it("cuts a pasted search to what the API accepts", () => {
    const query = toCustomerListQuery(loadCustomerListUrl(`?search=${"a".repeat(300)}`));
    expect(query.search).toHaveLength(200);
    expect(customerListFiltersSchema.safeParse(Object.fromEntries(customerListApiParams(query))).success).toBe(true);
  });

  it("carries the sort and the mirror's filters to the API, in a form its schema accepts", () => {
    const { query, problems } = checkCustomerListUrl(
      loadCustomerListUrl("?sort=-created_at&tag=%20gold%20&lead_source=Referral&email_opt_in=true&sms_opt_in=false&city=Springfield&zip=627"),
    );
    expect(problems).toEqual({});
    const params = customerListApiParams(query);
    expect(params.toString()).toBe("limit=25&sort=-created_at&tag=gold&lead_source=Referral&email_opt_in=true&sms_opt_in=false&city=Springfield&zip=627");
    expect(customerListFiltersSchema.parse(Object.fromEntries(params))).toMatchObject({
      sort: { key: "created_at", direction: "desc" },
      tag: "gold",
      email_opt_in: true,
      sms_opt_in: false,
    });
  });

  it("names what a hand-edited address asks for that the list doesn't offer, and leaves it out of the request", () => {
    const { query, problems } = checkCustomerListUrl(loadCustomerListUrl("?sort=shoe_size&lead_source=Radio&email_opt_in=maybe&city=Paris"));
    expect(Object.keys(problems).sort()).toEqual(["email_opt_in", "lead_source", "sort"]);
    expect(problems.sort).toContain("last_name, company_name");
    expect(problems.lead_source).toContain("Referral");
    expect(query).toEqual({ filter: "all", search: "", include_deleted: false, page: 1, limit: 25, city: "Paris" });
  });
});
