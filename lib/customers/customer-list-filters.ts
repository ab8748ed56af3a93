import { z } from "zod";
import { unknownFieldsError } from "@/lib/api/field-errors";
import { CUSTOMER_FILTERS } from "@/lib/customers/customer-enums";
import { listParamsShape } from "@/lib/lists/list-params";

/**
 * The customer list's query string: strings in (URLSearchParams), typed values
 * out. Absent and "" both mean the default, since a cleared filter input still
 * shows up in the URL as `search=`. The parameters every list takes are in
 * lib/lists/list-params.ts.
 */

export const customerListFiltersSchema = z.strictObject(
  {
    filter: z
      .enum([...CUSTOMER_FILTERS, ""], { error: "Filter by all, residential, commercial or vip" })
      .transform((value) => (value === "" ? "all" : value))
      .default("all"),
    ...listParamsShape,
  },
  unknownFieldsError("filter"),
);
export type CustomerListFilters = z.output<typeof customerListFiltersSchema>;
