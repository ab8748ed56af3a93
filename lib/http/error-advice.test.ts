import { expect, it } from "vitest";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { ADMINISTRATOR_MUST_FIX, errorText, isWorthRetrying, retryActionFor } from "@/lib/http/error-advice";

const failure = (status: number, code: ConstructorParameters<typeof ApiRequestError>[1], requestId: string | null = "3f2a9c1e-0000-4000-8000-000000000000") =>
  new ApiRequestError(status, code, "Plain words.", {}, requestId);

it("quotes the request id in the message, and keeps the message alone in detail", () => {
  const error = failure(503, "crm_unavailable");
  expect(error.message).toBe("Plain words. (request 3f2a9c1e)");
  expect(error.detail).toBe("Plain words.");
  expect(failure(0, "network", null).message).toBe("Plain words.");
});

it("retries only what retrying can fix", () => {
  expect(isWorthRetrying(failure(0, "network", null))).toBe(true);
  expect(isWorthRetrying(failure(503, "crm_unavailable"))).toBe(true);
  expect(isWorthRetrying(failure(500, "internal"))).toBe(true);
  expect(isWorthRetrying(failure(502, "crm_misconfigured"))).toBe(false);
  expect(isWorthRetrying(failure(429, "rate_limited"))).toBe(false);
  expect(isWorthRetrying(failure(404, "not_found"))).toBe(false);
  expect(isWorthRetrying(new Error("not an API failure"))).toBe(false);
});

it("a broken CRM connection says who must fix it and offers no retry", () => {
  const error = failure(502, "crm_misconfigured");
  expect(errorText(error)).toBe(`Plain words. (request 3f2a9c1e) ${ADMINISTRATOR_MUST_FIX}`);
  expect(retryActionFor(error, { label: "Retry" })).toBeUndefined();
  expect(retryActionFor(failure(503, "crm_unavailable"), { label: "Retry" })).toEqual({ label: "Retry" });
});
