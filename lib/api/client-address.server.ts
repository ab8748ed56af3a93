import "server-only";
import { randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/env.server";

/**
 * The header the server stamps on every request with the address of the TCP
 * peer (see peer-address-stamp.server.ts). It overwrites whatever a client
 * sent under the same name, and carries a secret made when the process
 * started: a request that reached the server before the stamp was in place
 * (or anything else that wrote the header) has no valid stamp, and its
 * address reads as "unknown" rather than what the client claimed.
 */
export const PEER_ADDRESS_HEADER = "x-tradesdesk-peer-address";

function stampSecret(): string {
  // On globalThis: Next.js may load this module once per bundle (instrumentation, routes), and all must agree.
  const holder = globalThis as typeof globalThis & { __tradesdeskPeerSecret?: string };
  return (holder.__tradesdeskPeerSecret ??= randomBytes(16).toString("hex"));
}

/** The header's value for a request from this address. */
export function peerAddressStamp(address: string): string {
  return `${stampSecret()} ${address}`;
}

/** The address of a valid stamp, or null when the value is missing or was not written by this process. */
function stampedAddress(value: string | null): string | null {
  if (!value) return null;
  const [secret, address] = value.split(" ", 2);
  return secret === stampSecret() && address ? address : null;
}

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
  const peer = stampedAddress(request.headers.get(PEER_ADDRESS_HEADER));
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
