import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { CUSTOMER_FILTERS, LEAD_SOURCES } from "@/lib/customers/customer-enums";
import { CUSTOMER_TABLE_SORT_KEYS, MAX_CITY, MAX_TAG, MAX_ZIP } from "@/lib/customers/customer-list-url";
import { listParamsShape } from "@/lib/lists/list-params";
import { parseSort } from "@/lib/lists/list-sort";

/**
 * The customer list's query string: strings in (URLSearchParams), typed values
 * out. Absent and "" both mean the default, since a cleared filter input still
 * shows up in the URL as `search=`. The parameters every list takes are in
 * lib/lists/list-params.ts; the sort and the filters only the mirror answers
 * (tag, lead source, opt-ins, city, ZIP) are ADR-017's.
 */

const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} can be at most ${max} characters`)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

const optInParam = (what: string) =>
  z
    .enum(["true", "false", ""], { error: `${what} must be true or false` })
    .transform((value) => (value === "" ? undefined : value === "true"))
    .optional();

export const customerListFiltersSchema = z.strictObject(
  {
    filter: z
      .enum([...CUSTOMER_FILTERS, ""], { error: "Filter by all, residential, commercial or vip" })
      .transform((value) => (value === "" ? "all" : value))
      .default("all"),
    sort: z
      .string()
      .transform((value, ctx) => {
        const check = parseSort(value, CUSTOMER_TABLE_SORT_KEYS);
        if (check.ok) return check.sort ?? undefined;
        ctx.addIssue({ code: "custom", message: check.message });
        return z.NEVER;
      })
      .optional(),
    tag: optionalText("Tag", MAX_TAG),
    lead_source: z
      .enum([...LEAD_SOURCES, ""], { error: `Lead source must be one of: ${LEAD_SOURCES.join(", ")}` })
      .transform((value) => (value === "" ? undefined : value))
      .optional(),
    email_opt_in: optInParam("email_opt_in"),
    sms_opt_in: optInParam("sms_opt_in"),
    city: optionalText("City", MAX_CITY),
    zip: optionalText("ZIP", MAX_ZIP),
    ...listParamsShape,
  },
  unknownFieldsError("filter"),
);
export type CustomerListFilters = z.output<typeof customerListFiltersSchema>;
