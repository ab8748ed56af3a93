/**
 * A customer already on file who may be the one being saved, as the server's
 * duplicate check answers it (409 `possible_duplicate`) and the forms show it.
 */
export type DuplicateReason = "phone" | "email" | "name_and_address";

export interface PossibleDuplicate {
  uuid: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** The customer's page in the dashboard. */
  link: string;
  reasons: DuplicateReason[];
}

/** The body field that says "I have seen the matches; save anyway". */
export const CONFIRM_DUPLICATE_FIELD = "confirm_duplicate";
