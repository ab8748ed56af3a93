import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids plugins, base changes and framing", () => {
    const csp = contentSecurityPolicy("abc123", { https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades insecure requests when served over HTTPS", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
  });
});
