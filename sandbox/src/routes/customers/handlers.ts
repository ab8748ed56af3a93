import type { Context } from "hono";
import { randomUUID } from "node:crypto";
import type { AppDeps, AppEnv } from "../../app-env";
import type { Queryable } from "../../db/database";
import { badRequest, notFound } from "../../http/api-error";
import { success } from "../../http/envelope";
import { parseJsonObject } from "../../http/json-body";
import { paginationOf, parseBooleanParam, parseEnumParam, parsePageRequest, parsePathUuid, parseSearchParam } from "../../http/query-params";
import { parseOrThrow } from "../../http/validate";
import { commitWrite } from "../../idempotency/commit-write";
import { isActiveLocation } from "../locations/queries";
import { classifyPut } from "../shared/put-intent";
import { CUSTOMER_CREATE_PARAMETERS, CUSTOMER_LIST_FIELDS, onlyDocumented, pick } from "../shared/strict-docs";
import { customerCountQuery, findCustomer, insertCustomer, listCustomers, restoreCustomer, softDeleteCustomer, updateCustomer } from "./queries";
import { CUSTOMER_FILTERS, customerCreateSchema, customerUpdateSchema, type CustomerInput } from "./schemas";
import { serializeCustomer, type CustomerRow } from "./serialize";

const NOT_FOUND = "Customer not found";

export function customerHandlers(deps: AppDeps) {
  const { db, clock, listTotals, strictDocs } = deps;
  const listItem = (row: CustomerRow) => (strictDocs ? pick(serializeCustomer(row), CUSTOMER_LIST_FIELDS) : serializeCustomer(row));

  return {
    async list(c: Context<AppEnv>) {
      const page = parsePageRequest(c.req.query("page"), c.req.query("limit"));
      const filter = {
        includeDeleted: parseBooleanParam("include_deleted", c.req.query("include_deleted"), false),
        filter: parseEnumParam("filter", c.req.query("filter"), CUSTOMER_FILTERS) ?? "all",
        search: parseSearchParam(c.req.query("search")),
      };
      const companyUuid = c.var.company.uuid;
      const total = await listTotals.total(db, companyUuid, "customers", customerCountQuery(companyUuid, filter));
      // A page past the end needs no second query (and no huge OFFSET).
      const rows = page.offset < total ? await listCustomers(db, companyUuid, filter, page.limit, page.offset) : [];
      return c.json(success({ customers: rows.map(listItem), pagination: paginationOf(page, total) }));
    },

    async get(c: Context<AppEnv>) {
      const uuid = parsePathUuid("customer", c.req.param("uuid") ?? "");
      const includeDeleted = parseBooleanParam("include_deleted", c.req.query("include_deleted"), false);
      const row = await findCustomer(db, c.var.company.uuid, uuid, { includeDeleted });
      if (!row) throw notFound(NOT_FOUND);
      return c.json(success(serializeCustomer(row)));
    },

    async create(c: Context<AppEnv>) {
      const body = parseJsonObject(c.var.rawBody);
      const input = parseOrThrow(customerCreateSchema, strictDocs ? onlyDocumented(body, CUSTOMER_CREATE_PARAMETERS) : body);
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        await checkReferences(tx, companyUuid, input);
        const row = await insertCustomer(tx, companyUuid, randomUUID(), input, clock());
        return { status: 200, data: serializeCustomer(row) };
      });
    },

    async update(c: Context<AppEnv>) {
      const uuid = parsePathUuid("customer", c.req.param("uuid") ?? "");
      const intent = classifyPut(parseJsonObject(c.var.rawBody));
      const input = intent.kind === "update" ? parseOrThrow(customerUpdateSchema, intent.body) : null;
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        let row: CustomerRow | null = null;
        if (input === null) {
          row = await restoreCustomer(tx, companyUuid, uuid, clock());
        } else {
          // Existence first: a PUT to a missing or deleted customer is a 404 whatever it references.
          const previous = await findCustomer(tx, companyUuid, uuid, { includeDeleted: false, forUpdate: true });
          if (previous) {
            await checkReferences(tx, companyUuid, input, previous.primary_service_location_uuid);
            row = await updateCustomer(tx, companyUuid, uuid, input, clock());
          }
        }
        if (!row) throw notFound(NOT_FOUND);
        return { status: 200, data: serializeCustomer(row) };
      });
    },

    async remove(c: Context<AppEnv>) {
      const uuid = parsePathUuid("customer", c.req.param("uuid") ?? "");
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        if (!(await softDeleteCustomer(tx, companyUuid, uuid, clock()))) throw notFound(NOT_FOUND);
        return { status: 200, data: { message: "Customer deleted successfully" } };
      });
    },
  };
}

/** The service location must be one of the company's; one the customer already has is not re-checked. */
async function checkReferences(tx: Queryable, companyUuid: string, input: CustomerInput, current: string | null = null): Promise<void> {
  const location = input.primary_service_location_uuid;
  if (location && location !== current && !(await isActiveLocation(tx, companyUuid, location))) {
    throw badRequest("primary_service_location_uuid does not match a location of this company");
  }
}
