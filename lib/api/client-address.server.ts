import "server-only";
import { serverEnv } from "@/lib/env.server";

/**
 * The header the server stamps on every request with the address of the TCP
 * peer (see peer-address-stamp.server.ts). It overwrites whatever a client
 * sent under the same name, so it is the one address a client cannot choose.
 */
export const PEER_ADDRESS_HEADER = "x-tradesdesk-peer-address";

/**
 * The client's address, for throttling and the session record.
 *
 * X-Forwarded-For is whatever the client wrote, plus one entry per proxy it
 * passed. With TRUST_PROXY=0 (the default: nothing in front of the dashboard)
 * it is ignored and the socket's address is the client's. With TRUST_PROXY=N,
 * the N proxies nearest the dashboard are believed: the client is the entry
 * N places from the right of "X-Forwarded-For, socket address". Entries left
 * of that are the client's own claims and never used.
 */
export function clientIp(request: Request): string {
  const peer = request.headers.get(PEER_ADDRESS_HEADER);
  const trustedHops = serverEnv().TRUST_PROXY;
  if (!peer) return "unknown";
  if (trustedHops === 0) return normalizeAddress(peer);
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer);
}

/** "::ffff:203.0.113.5" is 203.0.113.5; one client should not count as two. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}
