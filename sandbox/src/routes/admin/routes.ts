import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { faultSettingsToJson, FaultSettingsError, isActive, parseFaultJson } from "../../faults/fault-settings";
import { badRequest } from "../../http/api-error";
import { success } from "../../http/envelope";
import { parseJsonObject } from "../../http/json-body";
import { ACCESS_REFUSALS, type AccessRefusal } from "../../middleware/access";

/**
 * Test controls, outside /api/v1 so they are never mistaken for CRM API:
 * read or replace the fault settings (PUT {} clears them), and reset or set
 * the calling company's usage counter for this month (set: to try the
 * quota's 403 without sending 50,000 requests), read it (what the CRM bills:
 * how tests count the requests a screen cost), and turn the company's key away
 * (`{"refuse": "invalid_key" | "addon_required" | null}`). They need a valid key but do not count
 * against the quota, so a test can always dig itself out of a 403.
 */
export function adminRoutes(deps: AppDeps): Hono<AppEnv> {
  const describe = (c: Context<AppEnv>) => {
    const settings = deps.faults.settings();
    return c.json(success({ faults: faultSettingsToJson(settings), active: isActive(settings), stats: deps.faults.stats() }));
  };

  return new Hono<AppEnv>()
    .get("/faults", describe)
    .put("/faults", (c) => {
      try {
        deps.faults.set(parseFaultJson(parseJsonObject(c.var.rawBody)));
      } catch (error) {
        if (error instanceof FaultSettingsError) throw badRequest(error.message);
        throw error;
      }
      return describe(c);
    })
    .put("/access", (c) => {
      const refuse = parseJsonObject(c.var.rawBody).refuse;
      if (refuse !== null && !ACCESS_REFUSALS.includes(refuse as AccessRefusal)) {
        throw badRequest(`refuse must be null or one of ${ACCESS_REFUSALS.join(", ")}`);
      }
      if (refuse === null) deps.accessRefusals.delete(c.var.company.uuid);
      else deps.accessRefusals.set(c.var.company.uuid, refuse as AccessRefusal);
      return c.json(success({ refuse }));
    })
    .post("/reset-usage", async (c) => {
      await deps.db.query("delete from usage_counters where company_uuid = $1", [c.var.company.uuid]);
      return c.json(success({ message: "Usage reset" }));
    })
    .get("/usage", async (c) => {
      const month = deps.clock().toISOString().slice(0, 7);
      const result = await deps.db.query<{ request_count: number | string }>(
        "select request_count from usage_counters where company_uuid = $1 and month = $2",
        [c.var.company.uuid, month],
      );
      return c.json(success({ month, request_count: Number(result.rows[0]?.request_count ?? 0) }));
    })
    .put("/usage", async (c) => {
      const body = parseJsonObject(c.var.rawBody);
      const count = body.request_count;
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) throw badRequest("request_count must be a whole number from 0");
      await deps.db.query(
        `insert into usage_counters (company_uuid, month, request_count) values ($1, $2, $3)
         on conflict (company_uuid, month) do update set request_count = excluded.request_count`,
        [c.var.company.uuid, deps.clock().toISOString().slice(0, 7), count],
      );
      return c.json(success({ month: deps.clock().toISOString().slice(0, 7), request_count: count }));
    });
}
