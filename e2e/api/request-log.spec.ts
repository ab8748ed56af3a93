import { readFileSync } from "node:fs";
import { expect, test } from "../support/fixtures";
import { E2E_APP_LOG } from "../support/test-env";

/**
 * Every API request leaves one JSON line in the server's log with its request
 * id, status and who asked. Failed requests are the ones someone looks up
 * (the error message quotes the request id), so they must name the user too.
 */
interface RequestLine {
  event: string;
  request_id: string;
  method: string;
  path: string;
  status: number;
  user_id: string | null;
}

/** The log line of one request; the server writes it as the response leaves, so allow it a moment to reach the file. */
async function logLineOf(requestId: string): Promise<RequestLine> {
  let line: RequestLine | undefined;
  await expect
    .poll(() => {
      line = readFileSync(E2E_APP_LOG, "utf8")
        .split("\n")
        .filter((text) => text.startsWith("{") && text.includes(requestId))
        .map((text) => JSON.parse(text) as RequestLine)
        .find((entry) => entry.event === "api_request");
      return line !== undefined;
    })
    .toBe(true);
  return line as RequestLine;
}

test("failed requests are logged with the signed-in user, like successful ones", async ({ viewerApi }) => {
  const me = await viewerApi.get("/api/me");
  expect(me.status()).toBe(200);
  const userId = (await me.json()).data.id as string;

  // Refused by role (a viewer may not manage users), and not found in the CRM.
  const forbidden = await viewerApi.get("/api/admin/users");
  expect(forbidden.status()).toBe(403);
  const missing = await viewerApi.get("/api/customers/00000000-0000-4000-8000-000000000000");
  expect(missing.status()).toBe(404);

  for (const [response, status, path] of [
    [me, 200, "/api/me"],
    [forbidden, 403, "/api/admin/users"],
    [missing, 404, "/api/customers/00000000-0000-4000-8000-000000000000"],
  ] as const) {
    const requestId = response.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await logLineOf(requestId ?? "")).toMatchObject({ request_id: requestId, method: "GET", path, status, user_id: userId });
  }
});

test("a request without a session is logged without a user", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const response = await anonymous.get("/api/me");
    expect(response.status()).toBe(401);
    const requestId = response.headers()["x-request-id"] ?? "";
    expect(await logLineOf(requestId)).toMatchObject({ status: 401, user_id: null });
  } finally {
    await anonymous.dispose();
  }
});
