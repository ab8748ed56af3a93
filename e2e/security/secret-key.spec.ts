import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { E2E_API_KEY, E2E_APP_LOG, E2E_DIST_DIR } from "../support/test-env";

/**
 * The CRM key stays on the server: not in any file shipped to browsers (the
 * build under test ran with CRM_API_KEY set), not in rendered pages, not in
 * API answers and not in the server's log.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("no file in the build's static folder contains the CRM key", () => {
  const files = filesUnder(join(E2E_DIST_DIR, "static"));
  expect(files.length).toBeGreaterThan(10);
  const leaking = files.filter((file) => readFileSync(file).includes(E2E_API_KEY));
  expect(leaking).toEqual([]);
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("no rendered page or API answer contains the CRM key", async ({ page, request }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      bodies.push(JSON.stringify(response.headers()));
      const type = response.headers()["content-type"] ?? "";
      if (/text|json|javascript/.test(type)) bodies.push(await response.text().catch(() => ""));
    });
    for (const path of ["/", "/admin/users", "/admin/audit", "/sign-in", "/no-such-page"]) {
      await page.goto(path);
      bodies.push(await page.content());
    }
    for (const path of ["/api/me", "/api/health", "/api/admin/users", "/api/audit", "/api/nothing-here"]) {
      const response = await request.get(path);
      bodies.push(JSON.stringify(response.headers()) + (await response.text()));
    }
    expect(bodies.filter((body) => body.includes(E2E_API_KEY))).toEqual([]);
  });
});

test("the server log never contains the CRM key", () => {
  const log = readFileSync(E2E_APP_LOG, "utf8");
  expect(log).toContain("api_request");
  expect(log).not.toContain(E2E_API_KEY);
});
