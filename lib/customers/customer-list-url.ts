import { createLoader, parseAsBoolean, parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { CUSTOMER_FILTERS, PAGE_SIZES, type CustomerFilter, type PageSize } from "@/lib/customers/customer-enums";

/**
 * The customer list's state in the page URL (/customers?search=ann&filter=vip&page=2),
 * so a view can be bookmarked, shared, reloaded and left with Back. Shared by
 * the server page (to prefetch exactly what the browser will ask for) and the
 * table (nuqs). Imported from "nuqs/server", which works on both sides.
 * Unparseable values fall back to the defaults rather than failing the page.
 */
export const customerListUrlParsers = {
  search: parseAsString.withDefault(""),
  filter: parseAsStringLiteral(CUSTOMER_FILTERS).withDefault("all"),
  deleted: parseAsBoolean.withDefault(false),
  page: parseAsInteger.withDefault(1),
  limit: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
};
export type CustomerListUrlState = inferParserType<typeof customerListUrlParsers>;

export const loadCustomerListUrl = createLoader(customerListUrlParsers);

/** One customer list request: what the query key holds and /api/customers receives. */
export interface CustomerListQuery {
  filter: CustomerFilter;
  search: string;
  include_deleted: boolean;
  page: number;
  limit: PageSize;
}

// The API refuses searches over 200 characters; a pasted paragraph is cut rather than refused.
const MAX_SEARCH = 200;

export function toCustomerListQuery(state: CustomerListUrlState): CustomerListQuery {
  return {
    filter: state.filter,
    search: state.search.trim().replace(/\s+/g, " ").slice(0, MAX_SEARCH),
    include_deleted: state.deleted,
    page: Number.isSafeInteger(state.page) && state.page >= 1 ? Math.min(state.page, 999_999_999) : 1,
    limit: state.limit,
  };
}

/** The query string for /api/customers, defaults left out. */
export function customerListApiParams(query: CustomerListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.filter !== "all") params.set("filter", query.filter);
  if (query.search) params.set("search", query.search);
  if (query.include_deleted) params.set("include_deleted", "true");
  if (query.page !== 1) params.set("page", String(query.page));
  params.set("limit", String(query.limit));
  return params;
}
