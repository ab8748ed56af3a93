import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { CUSTOMER_FILTERS, type PageSize } from "@/lib/customers/customer-enums";

/**
 * The customer list's query string: strings in (URLSearchParams), typed values
 * out. Absent and "" both mean the default, since a cleared filter input still
 * shows up in the URL as `search=`. The query parameters shared with the job
 * list live here too.
 */

export const includeDeletedParam = z
  .enum(["true", "false", ""], { error: "include_deleted must be true or false" })
  .transform((value) => value === "true")
  .default(false);

export const pageParam = z
  .string({ error: "Page must be a whole number of 1 or more" })
  .trim()
  .transform((value, ctx) => {
    if (value === "") return 1;
    // Nine digits keeps the number exact and far beyond any real page count.
    const page = /^\d{1,9}$/.test(value) ? Number(value) : 0;
    if (page >= 1) return page;
    ctx.addIssue({ code: "custom", message: "Page must be a whole number of 1 or more" });
    return z.NEVER;
  })
  .default(1);

// The dashboard offers three sizes; the CRM would take 1..100, but a page size
// typed into the URL isn't worth supporting.
export const limitParam = z
  .enum(["25", "50", "100", ""], { error: "Show 25, 50 or 100 per page" })
  .transform((value): PageSize => (value === "50" ? 50 : value === "100" ? 100 : 25))
  .default(25);

export const searchParam = z
  .string({ error: "Search must be text" })
  .trim()
  .max(200, "Search can be at most 200 characters")
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const customerListFiltersSchema = z.strictObject(
  {
    filter: z
      .enum([...CUSTOMER_FILTERS, ""], { error: "Filter by all, residential, commercial or vip" })
      .transform((value) => (value === "" ? "all" : value))
      .default("all"),
    search: searchParam,
    include_deleted: includeDeletedParam,
    page: pageParam,
    limit: limitParam,
  },
  unknownFieldsError("filter"),
);
export type CustomerListFilters = z.output<typeof customerListFiltersSchema>;
