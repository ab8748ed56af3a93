import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, uniqueApiKey, type TestSandbox } from "./testing/test-sandbox";

// Cross-cutting HTTP behaviour: auth, envelopes, unknown routes and methods,
// request bodies. Resource behaviour is tested beside each resource.
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe("authentication (CRM-API decision 2)", () => {
  it("answers 401 with the error envelope when the key is missing", async () => {
    const response = await sandbox.client(null).get("/customers");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, error: expect.stringContaining("Authorization: Bearer") });
  });

  it("answers 401 for an unknown key and for a header that is not Bearer", async () => {
    expect((await sandbox.client(uniqueApiKey("unknown")).get("/customers")).body).toEqual({ success: false, error: "Invalid API key" });
    const basic = await sandbox.client(null).get("/customers", { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
    expect(basic.body.success).toBe(false);
  });

  it("accepts the scheme in any case", async () => {
    const response = await sandbox.client(null).get("/customers", { headers: { authorization: `bearer ${sandbox.apiKeys[0]}` } });
    expect(response.status).toBe(200);
  });

  it("protects every resource and the test controls", async () => {
    const anonymous = sandbox.rootClient(null);
    for (const path of ["/api/v1/customers", "/api/v1/jobs", "/api/v1/locations", "/api/v1/nothing-here", "/__sandbox/faults"]) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
  });
});

describe("envelope and JSON", () => {
  it("wraps success in {success: true, data} with a JSON content type", async () => {
    const response = await sandbox.client().get("/customers");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual(["success", "data"]);
    expect(response.body.success).toBe(true);
  });

  it("answers an unknown route with a JSON 404", async () => {
    const response = await sandbox.client().get("/invoices");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ success: false, error: "Not found: GET /api/v1/invoices" });
    expect((await sandbox.rootClient().get("/")).status).toBe(404);
  });

  it("answers a wrong method on a known route with a JSON 405 and an Allow header", async () => {
    const response = await sandbox.client().request("PATCH", "/customers");
    expect(response.status).toBe(405);
    expect(response.body.success).toBe(false);
    expect(response.headers.get("allow")).toContain("GET");
    const onItem = await sandbox.client().request("POST", "/locations/123e4567-e89b-12d3-a456-426614174000");
    expect(onItem.status).toBe(405);
    expect(onItem.headers.get("allow")).toContain("GET");
  });

  it.each([
    ["malformed JSON", "{not json", "Malformed JSON in request body"],
    ["an empty body", "", "Request body must be a JSON object"],
    ["an array", "[1,2]", "Request body must be a JSON object"],
    ["a string", '"text"', "Request body must be a JSON object"],
    ["null", "null", "Request body must be a JSON object"],
  ])("rejects %s with a 400", async (_label, rawBody, error) => {
    const response = await sandbox.client().request("POST", "/customers", { rawBody });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error });
  });

  it("rejects a body over 1 MB with 413 and the envelope", async () => {
    const rawBody = JSON.stringify({ first_name: "A", last_name: "B", notes: "x".repeat(1024 * 1024) });
    const response = await sandbox.client().request("POST", "/customers", { rawBody });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ success: false, error: expect.stringContaining("too large") });
  });

  it("accepts a JSON body sent without a JSON content type", async () => {
    const response = await sandbox.client().request("POST", "/customers", {
      rawBody: JSON.stringify({ first_name: "Plain", last_name: "Text" }),
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(200);
  });
});
