import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { apiKeyHash, type Company } from "../companies";
import { ApiError } from "../http/api-error";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** `Authorization: Bearer <key>`; the key's company becomes c.var.company (CRM-API decision 2). */
export function authenticate(deps: Pick<AppDeps, "db">): MiddlewareHandler<AppEnv> {
  // Companies never change key or identity, so a found company can be cached;
  // unknown keys are not cached, so a company added at runtime is seen at once.
  const known = new Map<string, Company>();
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (header === undefined || header.trim() === "") {
      throw new ApiError(401, "Missing API key: send the header Authorization: Bearer <api_key>");
    }
    const key = BEARER.exec(header)?.[1];
    if (!key) throw new ApiError(401, "Malformed Authorization header: expected Bearer <api_key>");
    const hash = apiKeyHash(key);
    let company = known.get(hash);
    if (!company) {
      const { rows } = await deps.db.query<Company>("select uuid, name from companies where api_key_sha256 = $1", [hash]);
      company = rows[0];
      if (!company) throw new ApiError(401, "Invalid API key");
      known.set(hash, company);
    }
    c.set("company", company);
    await next();
  };
}
