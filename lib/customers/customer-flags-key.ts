/**
 * The dashboard's extras live in the CRM customer's `internal_flags` under
 * this key. A module of its own so that what only needs the name (the CSV
 * export) does not bring the customer schemas and the phone library along.
 */
export const TRADESDESK_FLAGS_KEY = "tradesdesk";
