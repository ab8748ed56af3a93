import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER, peerAddressStamp } from "@/lib/api/client-address.server";

/**
 * Next.js gives route handlers a Request without the socket, and fills
 * X-Forwarded-For from the socket only when the client did not send one, so
 * a client can always choose the address a handler sees. Node publishes every
 * incoming request on this diagnostics channel before Next.js receives it;
 * stamping the socket's address there gives handlers the real peer.
 */
export function stampPeerAddresses() {
  const holder = globalThis as typeof globalThis & { __tradesdeskPeerStamp?: boolean };
  if (holder.__tradesdeskPeerStamp) return;
  holder.__tradesdeskPeerStamp = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = peerAddressStamp(socket.remoteAddress ?? "unknown");
  });
}
