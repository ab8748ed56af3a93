import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { faultSettingsToJson, FaultSettingsError, isActive, parseFaultJson } from "../../faults/fault-settings";
import { badRequest } from "../../http/api-error";
import { success } from "../../http/envelope";
import { parseJsonObject } from "../../http/json-body";

/**
 * Test controls, outside /api/v1 so they are never mistaken for CRM API:
 * read or replace the fault settings (PUT {} clears them) and reset the
 * calling company's usage counter. They need a valid key but do not count
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
    .post("/reset-usage", async (c) => {
      await deps.db.query("delete from usage_counters where company_uuid = $1", [c.var.company.uuid]);
      return c.json(success({ message: "Usage reset" }));
    });
}
