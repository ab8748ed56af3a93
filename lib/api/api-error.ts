/**
 * An expected failure of a dashboard API route, as a value: its status, a
 * stable code the pages can branch on, a message for people and, for
 * validation errors, one message per field.
 */
export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "password_change_required"
  | "two_factor_setup_required"
  | "cross_origin"
  | "not_found"
  | "method_not_allowed"
  | "validation"
  | "invalid_json"
  | "payload_too_large"
  | "unsupported_media_type"
  | "conflict"
  | "conflict_busy"
  | "possible_duplicate"
  | "duplicate_check_failed"
  | "has_open_jobs"
  | "not_deleted"
  | "deleted_again"
  | "rate_limited"
  | "usage_limit"
  | "crm_unavailable"
  | "crm_misconfigured"
  | "database_unavailable"
  | "shutting_down"
  | "internal";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** For a 409 on an update: the record as it is now, so the person can see what changed. */
    readonly current?: unknown,
    /** What a 409 lists beside its message (`matches` of a possible duplicate, the `open_jobs` holding a delete): keys added to the envelope. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The error envelope: the CRM's `{success:false, error}`, plus what the dashboard adds. */
export interface ApiErrorBody {
  success: false;
  error: string;
  code: ApiErrorCode;
  fields?: Record<string, string>;
  current?: unknown;
  /** A possible duplicate's matches (409 possible_duplicate). */
  matches?: unknown;
  /** The open jobs that hold a customer's delete (409 has_open_jobs), and how many there are. */
  open_jobs?: unknown;
  open_jobs_total?: number;
  request_id: string;
}

export interface ApiSuccessBody<T> {
  success: true;
  data: T;
}
