import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { ApiError } from "../http/api-error";

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Reads the raw body once, up to the size limit, into c.var.rawBody: the
 * idempotency fingerprint hashes these exact bytes and handlers parse them.
 * JSON parsing is left to the handlers so each can say what it expected.
 */
export function readBody(deps: Pick<AppDeps, "maxBodyBytes">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("rawBody", "");
    if (METHODS_WITH_BODY.has(c.req.method)) {
      const text = await readLimited(c.req.raw, deps.maxBodyBytes);
      if (text === null) throw new ApiError(413, `Request body too large: the limit is ${Math.floor(deps.maxBodyBytes / 1024)} KB`);
      c.set("rawBody", text);
    }
    await next();
  };
}

async function readLimited(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
