import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../app-env";
import { notFound } from "../../http/api-error";
import { success } from "../../http/envelope";
import { paginationOf, parseBooleanParam, parsePageRequest, parsePathUuid } from "../../http/query-params";
import { findLocation, listLocations, locationCountQuery } from "./queries";
import { serializeLocation } from "./serialize";

export function locationHandlers(deps: Pick<AppDeps, "db" | "listTotals">) {
  return {
    async list(c: Context<AppEnv>) {
      const page = parsePageRequest(c.req.query("page"), c.req.query("limit"));
      const includeDeleted = parseBooleanParam("include_deleted", c.req.query("include_deleted"), false);
      const companyUuid = c.var.company.uuid;
      const total = await deps.listTotals.total(deps.db, companyUuid, "locations", locationCountQuery(companyUuid, includeDeleted));
      const rows = page.offset < total ? await listLocations(deps.db, companyUuid, includeDeleted, page.limit, page.offset) : [];
      return c.json(success({ locations: rows.map(serializeLocation), pagination: paginationOf(page, total) }));
    },

    async get(c: Context<AppEnv>) {
      const uuid = parsePathUuid("location", c.req.param("uuid") ?? "");
      const includeDeleted = parseBooleanParam("include_deleted", c.req.query("include_deleted"), false);
      const row = await findLocation(deps.db, c.var.company.uuid, uuid, includeDeleted);
      if (!row) throw notFound("Location not found");
      return c.json(success(serializeLocation(row)));
    },
  };
}
