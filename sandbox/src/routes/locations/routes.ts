import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { locationHandlers } from "./handlers";

/** Locations are company set-up: the API lists and reads them only (CRM-API decision 1). */
export function locationRoutes(deps: AppDeps): Hono<AppEnv> {
  const handlers = locationHandlers(deps);
  return new Hono<AppEnv>().get("/", handlers.list).get("/:uuid", handlers.get);
}
