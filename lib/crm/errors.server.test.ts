import { describe, expect, it } from "vitest";
import { classifyCrmFailure } from "@/lib/crm/errors.server";

describe("classifyCrmFailure", () => {
  it.each([
    [400, "first_name is required", "validation"],
    [401, "Invalid API key", "unauthorized"],
    [403, "Usage limit exceeded", "usage_limit"],
    [403, "Developer API add-on required", "addon_required"],
    [403, "Request from this IP address is not allowed", "ip_restricted"],
    [403, "Forbidden", "forbidden"],
    [404, "Customer not found", "not_found"],
    [409, "A request with this Idempotency-Key is still in progress", "conflict"],
    [429, "Too many requests", "rate_limited"],
    [500, "Internal server error", "unavailable"],
    [503, "", "unavailable"],
  ] as const)("%i %j is %s", (status, message, kind) => {
    expect(classifyCrmFailure(status, message)).toBe(kind);
  });
});
