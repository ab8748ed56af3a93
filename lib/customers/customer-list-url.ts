import { createLoader, parseAsBoolean, parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { CUSTOMER_FILTERS, LEAD_SOURCES, PAGE_SIZES, type CustomerFilter, type LeadSource, type PageSize } from "@/lib/customers/customer-enums";
import { parseSort, sortParam, type ListSort } from "@/lib/lists/list-sort";
import type { CustomerSortKey } from "@/lib/mirror/mirror-types";

/**
 * The columns the customer table sorts by, named as in the URL (`sort=last_name`,
 * `sort=-created_at`): one per column shown. The list API refuses any other.
 */
export const CUSTOMER_TABLE_SORT_KEYS = [
  "last_name",
  "company_name",
  "customer_type",
  "phone",
  "email",
  "physical_address",
  "tags",
  "created_at",
] as const satisfies readonly CustomerSortKey[];
export type CustomerTableSortKey = (typeof CUSTOMER_TABLE_SORT_KEYS)[number];

export const MAX_TAG = 40;
export const MAX_CITY = 60;
export const MAX_ZIP = 10;

/**
 * The customer list's state in the page URL (/customers?search=ann&filter=vip&page=2),
 * so a view can be bookmarked, shared, reloaded and left with Back. Shared by
 * the server page (to prefetch exactly what the browser will ask for) and the
 * table (nuqs). Imported from "nuqs/server", which works on both sides.
 * Unparseable search, type, deleted, page and size fall back to the defaults
 * rather than failing the page. The sort and the filters only the mirror
 * answers are read as text and judged by checkCustomerListUrl, which names a
 * value the screen does not offer (the table says so and loads nothing).
 */
const text = parseAsString.withDefault("");
export const customerListUrlParsers = {
  search: text,
  filter: parseAsStringLiteral(CUSTOMER_FILTERS).withDefault("all"),
  deleted: parseAsBoolean.withDefault(false),
  page: parseAsInteger.withDefault(1),
  limit: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  sort: text,
  tag: text,
  lead_source: text,
  email_opt_in: text,
  sms_opt_in: text,
  city: text,
  zip: text,
};
export type CustomerListUrlState = inferParserType<typeof customerListUrlParsers>;

export const loadCustomerListUrl = createLoader(customerListUrlParsers);

/** One customer list request: what the query key holds and /api/customers receives. Filters not in use are left out. */
export interface CustomerListQuery {
  filter: CustomerFilter;
  search: string;
  include_deleted: boolean;
  page: number;
  limit: PageSize;
  sort?: ListSort<CustomerTableSortKey>;
  tag?: string;
  lead_source?: LeadSource;
  email_opt_in?: boolean;
  sms_opt_in?: boolean;
  city?: string;
  zip?: string;
}

/** The URL parameters only the mirror answers: a sort, or a filter the CRM lacks (ADR-017). */
export const CUSTOMER_MIRROR_FILTERS = ["tag", "lead_source", "email_opt_in", "sms_opt_in", "city", "zip"] as const;
export type CustomerMirrorFilter = (typeof CUSTOMER_MIRROR_FILTERS)[number];

/** A URL value the screen does not offer, by parameter, said in the screen's words. */
export type CustomerUrlProblems = Partial<Record<"sort" | CustomerMirrorFilter, string>>;

// The API refuses searches over 200 characters; a pasted paragraph is cut rather than refused.
const MAX_SEARCH = 200;

const cleanText = (value: string, max: number) => value.trim().replace(/\s+/g, " ").slice(0, max);

function optIn(value: string, name: string, problems: CustomerUrlProblems, key: "email_opt_in" | "sms_opt_in"): boolean | undefined {
  const given = value.trim();
  if (given === "") return undefined;
  if (given === "true" || given === "false") return given === "true";
  problems[key] = `${name} “${given}” isn't offered: use true or false.`;
  return undefined;
}

/**
 * The list request the URL describes, and what in it the screen does not
 * offer (a hand-edited sort=shoe_size or lead_source=Radio). Text filters are
 * tidied and cut to what the API accepts, as the search is.
 */
export function checkCustomerListUrl(state: CustomerListUrlState): { query: CustomerListQuery; problems: CustomerUrlProblems } {
  const problems: CustomerUrlProblems = {};
  const query: CustomerListQuery = {
    filter: state.filter,
    search: cleanText(state.search, MAX_SEARCH),
    include_deleted: state.deleted,
    page: Number.isSafeInteger(state.page) && state.page >= 1 ? Math.min(state.page, 999_999_999) : 1,
    limit: state.limit,
  };
  const sort = parseSort(state.sort, CUSTOMER_TABLE_SORT_KEYS);
  if (!sort.ok) problems.sort = sort.message;
  else if (sort.sort) query.sort = sort.sort;
  const tag = cleanText(state.tag, MAX_TAG);
  if (tag) query.tag = tag;
  const leadSource = state.lead_source.trim();
  if (leadSource !== "") {
    const known = LEAD_SOURCES.find((source) => source === leadSource);
    if (known) query.lead_source = known;
    else problems.lead_source = `Lead source “${leadSource}” isn't offered. Choose one of: ${LEAD_SOURCES.join(", ")}.`;
  }
  const email = optIn(state.email_opt_in, "Email opt-in", problems, "email_opt_in");
  if (email !== undefined) query.email_opt_in = email;
  const sms = optIn(state.sms_opt_in, "SMS opt-in", problems, "sms_opt_in");
  if (sms !== undefined) query.sms_opt_in = sms;
  const city = cleanText(state.city, MAX_CITY);
  if (city) query.city = city;
  const zip = cleanText(state.zip, MAX_ZIP);
  if (zip) query.zip = zip;
  return { query, problems };
}

/** The list request the URL describes, leaving out what the screen does not offer (checkCustomerListUrl says what that is). */
export function toCustomerListQuery(state: CustomerListUrlState): CustomerListQuery {
  return checkCustomerListUrl(state).query;
}

/** Whether the list shows a subset of the customers (the "filters on" state, and the empty list's wording). */
export function customerFiltersOn(query: CustomerListQuery): boolean {
  return query.search !== "" || query.filter !== "all" || CUSTOMER_MIRROR_FILTERS.some((key) => query[key] !== undefined);
}

/** The query string for /api/customers, defaults left out. */
export function customerListApiParams(query: CustomerListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.filter !== "all") params.set("filter", query.filter);
  if (query.search) params.set("search", query.search);
  if (query.include_deleted) params.set("include_deleted", "true");
  if (query.page !== 1) params.set("page", String(query.page));
  params.set("limit", String(query.limit));
  if (query.sort) params.set("sort", sortParam(query.sort));
  for (const key of CUSTOMER_MIRROR_FILTERS) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}
