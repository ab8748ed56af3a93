import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configForTest, DEPLOY_CONFIG } from "../../e2e/support/nginx-proxy";

/**
 * deploy/nginx.conf is what docs/deploy.md shows and what
 * e2e/scale/nginx-proxy.spec.ts runs; the spec changes only its marked lines.
 * What the end-to-end run cannot see on its own is checked here.
 */
const source = readFileSync(DEPLOY_CONFIG, "utf8");

describe("the nginx example", () => {
  it("streams server-sent events unbuffered on /api/events", () => {
    const events = /location \/api\/events \{([^}]*)\}/.exec(source)?.[1] ?? "";
    expect(events).toMatch(/proxy_buffering off;/);
    expect(events).toMatch(/proxy_pass http:\/\/tradesdesk;/);
  });

  it("appends the address it saw to X-Forwarded-For (what TRUST_PROXY=1 believes)", () => {
    expect(source).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it("the test changes only the marked lines, and every one it needs is marked", () => {
    const values = { httpsPort: 8443, httpPort: 8080, upstreams: [3901, 3902], certificate: "/tmp/c.pem", key: "/tmp/k.pem" };
    const tested = configForTest(source, values).split("\n");
    const original = source.split("\n");
    expect(tested).toHaveLength(original.length);
    tested.forEach((line, index) => {
      if (!/#\s*test:/.test(original[index]!)) expect(line).toBe(original[index]);
    });
    expect(() => configForTest(source.replace("# test: key", ""), values)).toThrow(/test: key/);
  });
});
