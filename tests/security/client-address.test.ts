import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER, clientIp, peerAddressStamp } from "@/lib/api/client-address.server";

/**
 * The client's address as throttling and sessions see it: only the stamp the
 * server wrote from the socket counts; a header of the same name that a client
 * sent (or that reached a request before the stamp was in place) does not.
 */
const request = (headers: Record<string, string>) => new Request("http://localhost/api/me", { headers });

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("the client's address", () => {
  it("is the address the server stamped from the socket", () => {
    expect(clientIp(request({ [PEER_ADDRESS_HEADER]: peerAddressStamp("198.51.100.7") }))).toBe("198.51.100.7");
    expect(clientIp(request({ [PEER_ADDRESS_HEADER]: peerAddressStamp("::ffff:198.51.100.7") }))).toBe("198.51.100.7");
  });

  it("is unknown when the header was written by anyone but this server", () => {
    expect(clientIp(request({ [PEER_ADDRESS_HEADER]: "198.51.100.7" }))).toBe("unknown");
    expect(clientIp(request({ [PEER_ADDRESS_HEADER]: `0123456789abcdef0123456789abcdef 198.51.100.7` }))).toBe("unknown");
    expect(clientIp(request({ "x-forwarded-for": "198.51.100.7" }))).toBe("unknown");
  });

  it("believes X-Forwarded-For only for the proxies TRUST_PROXY names", async () => {
    const headers = { [PEER_ADDRESS_HEADER]: peerAddressStamp("10.0.0.2"), "x-forwarded-for": "203.0.113.66, 198.51.100.7" };
    expect(clientIp(request(headers))).toBe("10.0.0.2");
    // The configuration is read once per process: a fresh copy of the modules reads TRUST_PROXY=1.
    process.env.TRUST_PROXY = "1";
    vi.resetModules();
    const fresh = await import("@/lib/api/client-address.server");
    expect(fresh.clientIp(request(headers))).toBe("198.51.100.7");
    expect(fresh.clientIp(request({ ...headers, [PEER_ADDRESS_HEADER]: "10.0.0.2" }))).toBe("unknown");
  });
});
