import type { LookupMatch } from "@/lib/customers/customer-types";
import type { LookupQuery } from "@/lib/customers/lookup-query";
import type { AddressMatch, MirrorAsOf } from "@/lib/mirror/mirror-types";

/** Address matches for a lookup, from Tradesdesk's copy of the CRM, with its age. */
export interface LookupAddresses {
  matches: AddressMatch[];
  total: number;
  asOf: MirrorAsOf;
}

/**
 * GET /api/lookup: customers matching a phone (any format), an email or a
 * name, asked of the CRM, the first few with their open jobs; and, for what
 * may be part of an address, the customers whose physical, billing or job
 * service address matches (null when the term cannot be an address).
 */
export interface LookupData {
  query: LookupQuery;
  matches: LookupMatch[];
  total: number;
  addresses: LookupAddresses | null;
  /**
   * Set when the CRM could not be asked (down, the month's allowance spent,
   * the person's per-minute budget used): matches is then empty, and this
   * says why in plain words. Only when addresses were still answered;
   * otherwise the whole lookup fails as any CRM read does.
   */
  crm_unanswered: { code: string; message: string } | null;
}
