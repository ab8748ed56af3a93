import { z } from "zod";
import type { PageSize } from "@/lib/customers/customer-enums";

/**
 * The query parameters every list takes (customers and jobs): page, limit,
 * search and include_deleted. Strings in (URLSearchParams), typed values out;
 * absent and "" both mean the default, since a cleared filter input still
 * shows up in the URL as `search=`.
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

/** The shared part of each list's query-string schema. */
export const listParamsShape = {
  search: searchParam,
  include_deleted: includeDeletedParam,
  page: pageParam,
  limit: limitParam,
};
export type ListParams = z.output<z.ZodObject<typeof listParamsShape>>;
