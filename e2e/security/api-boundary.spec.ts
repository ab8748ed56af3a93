import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { listApiRoutes, type ApiRouteMethod } from "../support/api-routes";
import { E2E_API_KEY, E2E_APP_URL } from "../support/test-env";

/**
 * The security boundary of the dashboard's server, for every route handler in
 * app/api (found from the file tree). Routes anyone may call are listed here
 * with the reason; everything else must refuse strangers.
 */
// The two-factor step of signing in is public: it acts on the pending sign-in its cookie names.
const PUBLIC_ROUTES = new Set(["POST /api/auth/sign-in", "POST /api/auth/two-factor", "GET /api/health"]);
// Signing out and one's own password and two-factor settings concern only oneself; every role may use them, so they have no viewer 403.
const OPEN_TO_EVERY_ROLE = new Set([
  "POST /api/auth/sign-out",
  "POST /api/me/password",
  "POST /api/me/two-factor",
  "POST /api/me/two-factor/verify",
  "POST /api/me/two-factor/disable",
]);

const routes = listApiRoutes();
const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.has(`${route.method} ${route.path}`));
const mutating = (route: ApiRouteMethod) => route.method !== "GET";

const seenBodies: string[] = [];

async function send(context: APIRequestContext, route: ApiRouteMethod, headers: Record<string, string> = {}): Promise<APIResponse> {
  const response = await context.fetch(route.path, {
    method: route.method,
    headers: { Origin: E2E_APP_URL, ...headers },
    data: mutating(route) ? {} : undefined,
  });
  seenBodies.push(JSON.stringify(response.headers()) + (await response.text()));
  return response;
}

async function expectEnvelope(response: APIResponse, status: number, code: string) {
  expect(response.status(), `${response.url()}`).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ success: false, code });
  expect(typeof body.error).toBe("string");
  expect(typeof body.request_id).toBe("string");
  expect(response.headers()["x-request-id"]).toBe(body.request_id);
}

test("the route list is read from the file tree and covers the known routes", () => {
  const keys = routes.map((route) => `${route.method} ${route.path}`);
  expect(keys).toEqual(expect.arrayContaining(["POST /api/auth/sign-in", "GET /api/health", "GET /api/me", "POST /api/admin/users"]));
  expect(protectedRoutes.length).toBeGreaterThan(5);
});

test.describe("without a session", () => {
  for (const route of protectedRoutes) {
    test(`${route.method} ${route.path} answers 401`, async ({ playwright }) => {
      const context = await playwright.request.newContext({ baseURL: E2E_APP_URL });
      await expectEnvelope(await send(context, route), 401, "unauthenticated");
      // Spoofed internal headers change nothing: the check runs in the handler itself.
      await expectEnvelope(
        await send(context, route, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-tradesdesk-path": "/" }),
        401,
        "unauthenticated",
      );
      // A forged session cookie is no session.
      await expectEnvelope(await send(context, route, { Cookie: "tradesdesk.session_token=forged.c2lnbmF0dXJl" }), 401, "unauthenticated");
      await context.dispose();
    });
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });
  for (const route of protectedRoutes.filter((route) => mutating(route) && !OPEN_TO_EVERY_ROLE.has(`${route.method} ${route.path}`))) {
    test(`${route.method} ${route.path} answers 403`, async ({ request }) => {
      await expectEnvelope(await send(request, route), 403, "forbidden");
    });
  }
});

test.describe("from another origin, even as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });
  for (const route of routes.filter((route) => mutating(route) && route.path !== "/api/auth/sign-out")) {
    test(`${route.method} ${route.path} answers 403`, async ({ request }) => {
      await expectEnvelope(await send(request, route, { Origin: "https://evil.example" }), 403, "cross_origin");
      await expectEnvelope(await send(request, route, { Origin: E2E_APP_URL, "Sec-Fetch-Site": "cross-site" }), 403, "cross_origin");
      // Neither an Origin nor Sec-Fetch-Site: no CSRF signal at all.
      await expectEnvelope(await request.fetch(route.path, { method: route.method, data: {} }), 403, "cross_origin");
    });
  }
});

test("bad input gets a 4xx envelope, never a 500", async ({ playwright }) => {
  const admin = await playwright.request.newContext({
    baseURL: E2E_APP_URL,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { Origin: E2E_APP_URL },
  });
  const malformed = await admin.post("/api/admin/users", { headers: { "Content-Type": "application/json" }, data: Buffer.from("{not json") });
  await expectEnvelope(malformed, 400, "invalid_json");
  const oversized = await admin.post("/api/admin/users", { data: { name: "x".repeat(70_000) } });
  await expectEnvelope(oversized, 413, "payload_too_large");
  const unknownField = await admin.post("/api/admin/users", {
    data: { name: "Ann Lee", email: "ann@example.com", role: "staff", password: "long-enough-1", superuser: true },
  });
  await expectEnvelope(unknownField, 400, "validation");
  expect((await unknownField.json()).fields).toEqual({ superuser: "This field is not accepted." });
  const badId = await admin.patch("/api/admin/users/not-a-uuid", { data: { role: "staff" } });
  await expectEnvelope(badId, 400, "validation");
  const unknownRoute = await admin.get("/api/definitely/not/here");
  await expectEnvelope(unknownRoute, 404, "not_found");
  for (const response of [malformed, oversized, unknownField, badId, unknownRoute]) seenBodies.push(await response.text());
  await admin.dispose();
});

test("/api/health reports the app, database and CRM without a session or the key", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect((await response.json()).data).toMatchObject({ status: "ok", app: "ok", database: "ok", crm: "ok" });
  seenBodies.push(await response.text());
});

test.afterAll(() => {
  // Nothing any of these answers carried, headers or body, may hold the CRM key.
  const leaks = seenBodies.filter((body) => body.includes(E2E_API_KEY));
  expect(leaks).toEqual([]);
});
