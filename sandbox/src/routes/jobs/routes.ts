import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { jobHandlers } from "./handlers";

export function jobRoutes(deps: AppDeps): Hono<AppEnv> {
  const handlers = jobHandlers(deps);
  return new Hono<AppEnv>()
    .get("/", handlers.list)
    .post("/", handlers.create)
    .get("/:uuid", handlers.get)
    .put("/:uuid", handlers.update)
    .delete("/:uuid", handlers.remove);
}
