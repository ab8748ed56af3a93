import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, configureInMemoryApp, FIRST_ADMIN, signInAsFirstAdmin } from "@/tests/support/app-accounts";

/**
 * Request bodies are read with a byte cap and must be JSON: larger or other
 * types get 413/415 before anything is parsed, and a chunked upload is never
 * buffered whole.
 */
configureInMemoryApp();
const { POST: signIn } = await import("@/app/api/auth/sign-in/route");
const { readOptionalJsonBody } = await import("@/lib/api/read-body.server");
const { z } = await import("zod");

beforeAll(async () => {
  await signInAsFirstAdmin();
});

const credentials = JSON.stringify(FIRST_ADMIN);

/** A body that never ends, counting what was pulled from it. */
function endlessStream() {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode(`{"padding":"${"x".repeat(16 * 1024)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe("request bodies", () => {
  it("JSON with a charset is read", async () => {
    const { status } = await callRoute(signIn, "/api/auth/sign-in", {
      method: "POST",
      body: credentials,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(status).toBe(200);
  });

  for (const contentType of [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
    it(`a body sent as ${contentType ?? "no type at all"} is refused with 415 and not signed in`, async () => {
      const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
      const request = new Request(new URL("/api/auth/sign-in", process.env.APP_URL), {
        method: "POST",
        body: credentials,
        headers: { "sec-fetch-site": "same-origin", ...headers },
      });
      if (!contentType) request.headers.delete("content-type");
      const response = await signIn(request, { params: Promise.resolve({}) });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ success: false, code: "unsupported_media_type" });
    });
  }

  it("a declared length over 64 KB is refused with 413 without reading the body", async () => {
    const { stream, pulled } = endlessStream();
    const request = new Request(new URL("/api/auth/sign-in", process.env.APP_URL), {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024), "sec-fetch-site": "same-origin" },
      duplex: "half",
    } as RequestInit);
    const response = await signIn(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("a chunked body with no length stops being read as soon as it passes 64 KB", async () => {
    const { stream, pulled } = endlessStream();
    const request = new Request(new URL("/api/auth/sign-in", process.env.APP_URL), {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      duplex: "half",
    } as RequestInit);
    const response = await signIn(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
    expect(pulled.bytes).toBeLessThan(200 * 1024);
  });

  it("an optional body may be absent or empty without a type, but content needs one", async () => {
    const schema = z.object({ note: z.string() }).strict();
    const make = (body: string | null, headers: Record<string, string> = {}) => new Request("http://x.test/", { method: "POST", body, headers });
    expect(await readOptionalJsonBody(make(null), schema)).toBeUndefined();
    const empty = make("");
    empty.headers.delete("content-type");
    expect(await readOptionalJsonBody(empty, schema)).toBeUndefined();
    expect(await readOptionalJsonBody(make('{"note":"x"}', { "content-type": "application/json" }), schema)).toEqual({ note: "x" });
    await expect(readOptionalJsonBody(make('{"note":"x"}', { "content-type": "text/plain" }), schema)).rejects.toMatchObject({ status: 415 });
  });
});
