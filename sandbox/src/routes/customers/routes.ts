import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { customerHandlers } from "./handlers";

export function customerRoutes(deps: AppDeps): Hono<AppEnv> {
  const handlers = customerHandlers(deps);
  return new Hono<AppEnv>()
    .get("/", handlers.list)
    .post("/", handlers.create)
    .get("/:uuid", handlers.get)
    .put("/:uuid", handlers.update)
    .delete("/:uuid", handlers.remove);
}
