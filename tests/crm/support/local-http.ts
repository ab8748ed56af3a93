import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny HTTP server on a free local port, for answers the sandbox never
 * gives (a proxy's HTML page, a body that is not JSON) and for a proxy in
 * front of the sandbox that changes what reaches it.
 */
export interface LocalHttp {
  url: string;
  close(): Promise<void>;
}

export async function startLocalHttp(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void | Promise<void>): Promise<LocalHttp> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      Promise.resolve(handle(request, Buffer.concat(chunks).toString("utf8"), response)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  replayed: boolean;
}

/** A proxy to `target` (an origin) that may rewrite each JSON request body before passing it on, and logs what passed. */
export async function startRewritingProxy(
  target: string,
  rewrite: (method: string, path: string, body: Record<string, unknown>) => Record<string, unknown>,
): Promise<LocalHttp & { log: ProxiedRequest[] }> {
  const log: ProxiedRequest[] = [];
  const server = await startLocalHttp(async (request, body, response) => {
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    let sent = body;
    if (body && (method === "POST" || method === "PUT")) sent = JSON.stringify(rewrite(method, path, JSON.parse(body) as Record<string, unknown>));
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "idempotency-key", "accept"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const upstream = await fetch(`${target}${path}`, { method, headers, body: method === "GET" || method === "DELETE" ? undefined : sent });
    log.push({ method, path, idempotencyKey: headers["idempotency-key"] ?? null, replayed: upstream.headers.get("idempotent-replayed") === "true" });
    response.statusCode = upstream.status;
    for (const name of ["content-type", "idempotent-replayed", "retry-after"]) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    response.end(await upstream.text());
  });
  return { ...server, log };
}
