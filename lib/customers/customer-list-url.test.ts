import { describe, expect, it } from "vitest";
import { customerListFiltersSchema } from "@/lib/customers/customer-list-filters";
import { customerListApiParams, loadCustomerListUrl, toCustomerListQuery } from "@/lib/customers/customer-list-url";

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
});
