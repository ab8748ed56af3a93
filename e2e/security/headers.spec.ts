import { expect, test } from "@playwright/test";

test("every page carries the security headers and a per-request CSP nonce that its scripts use", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const headers = first!.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP here: no HSTS (it is only sent over HTTPS).
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Every script element on the page carries this response's nonce.
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const scriptNonce of scriptNonces) expect(scriptNonce).toBe(nonce);

  const second = await page.goto("/sign-in");
  expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
});

test("the page works under its CSP: no violation is reported while signing in", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Email").blur();
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.com");
  expect(violations).toEqual([]);
});

test("API answers carry the security headers and a fixed CSP, without the per-page nonce work", async ({ request }) => {
  for (const path of ["/api/health", "/api/me", "/api/definitely/not/here"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-request-id"], path).toBeTruthy();
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});
