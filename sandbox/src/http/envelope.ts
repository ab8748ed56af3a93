import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface SuccessEnvelope<T> {
  success: true;
  data: T;
}

export interface ErrorEnvelope {
  success: false;
  error: string;
}

export const success = <T>(data: T): SuccessEnvelope<T> => ({ success: true, data });

export const failure = (error: string): ErrorEnvelope => ({ success: false, error });

/** Sends an already serialised JSON body: the idempotency store keeps these exact bytes. */
export function sendJsonText(c: Context, status: ContentfulStatusCode, bodyText: string, headers: Record<string, string> = {}) {
  return c.body(bodyText, status, { "content-type": "application/json; charset=UTF-8", ...headers });
}
