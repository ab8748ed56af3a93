import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { customerQueryOptions } from "@/lib/customers/queries/get-customer";
import { customersQueryOptions } from "@/lib/customers/queries/get-customers";

/** At most this many matches are offered (the list API's smallest page); a longer list means "type more". */
export const CUSTOMER_OPTION_LIMIT = 25;

/**
 * Matches for the customer picker: the customer list's own query (and cache
 * entry), searched. Nothing is asked before two characters are typed.
 */
export function useCustomerOptions(term: string) {
  const search = term.trim();
  return useQuery({
    ...customersQueryOptions({ filter: "all", search, include_deleted: false, page: 1, limit: CUSTOMER_OPTION_LIMIT }),
    enabled: search.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The chosen customer when only its id is known (a filter from the URL, a "New job" link). */
export function useChosenCustomer(uuid: string | null) {
  return useQuery({ ...customerQueryOptions(uuid ?? ""), enabled: Boolean(uuid), staleTime: 5 * 60_000 });
}
