/**
 * Every way a CRM call can fail, as a value the routes and pages can act on.
 * The 403 split follows CRM-API 002: "add-on required, IP restriction, or usage
 * limit exceeded" share one status and differ only in the message.
 */
export type CrmErrorKind =
  | "validation" // 400: the CRM rejected the input
  | "unauthorized" // 401: the server's key is wrong; an operator problem
  | "addon_required" // 403: the Developer API add-on is not active
  | "ip_restricted" // 403: the server's IP is not allowed
  | "usage_limit" // 403: the month's request quota is used up
  | "forbidden" // 403 with an unrecognised message
  | "not_found" // 404
  | "conflict" // 409: e.g. the same Idempotency-Key still in flight
  | "rate_limited" // 429
  | "unavailable" // 5xx, timeouts, connection resets
  | "invalid_response"; // the CRM answered something that is not its documented shape
