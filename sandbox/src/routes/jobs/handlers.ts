import type { Context } from "hono";
import { randomUUID } from "node:crypto";
import type { AppDeps, AppEnv } from "../../app-env";
import type { Queryable } from "../../db/database";
import { badRequest, notFound } from "../../http/api-error";
import { success } from "../../http/envelope";
import { parseJsonObject } from "../../http/json-body";
import {
  paginationOf,
  parseBooleanParam,
  parseEnumListParam,
  parseEnumParam,
  parsePageRequest,
  parsePathUuid,
  parseSearchParam,
  parseUuidParam,
} from "../../http/query-params";
import { parseOrThrow } from "../../http/validate";
import { commitWrite } from "../../idempotency/commit-write";
import { isActiveLocation } from "../locations/queries";
import { classifyPut } from "../shared/put-intent";
import { JOB_CREATE_PARAMETERS, JOB_LIST_FIELDS, onlyDocumented, pick, requireScheduledTimestamp } from "../shared/strict-docs";
import { nextJobNumber } from "./job-number";
import { findJob, findUser, insertJob, isActiveCustomer, jobCountQuery, listJobs, loadJobRelations, restoreJob, softDeleteJob, updateJob } from "./queries";
import { JOB_PRIORITIES, JOB_STATUSES, jobCreateSchema, jobUpdateSchema, type JobInput } from "./schemas";
import { serializeJobDetail, serializeJobListItem, type JobListRow, type JobRow } from "./serialize";
import { statusTimestamps } from "./status-timestamps";

const NOT_FOUND = "Job not found";

export function jobHandlers(deps: AppDeps) {
  const { db, clock, listTotals, strictDocs } = deps;
  const listItem = (row: JobListRow) => (strictDocs ? pick(serializeJobListItem(row), JOB_LIST_FIELDS) : serializeJobListItem(row));

  const detail = async (tx: Queryable, companyUuid: string, row: JobRow) => serializeJobDetail(row, await loadJobRelations(tx, companyUuid, row));

  return {
    async list(c: Context<AppEnv>) {
      const page = parsePageRequest(c.req.query("page"), c.req.query("limit"));
      const filter = {
        includeDeleted: parseBooleanParam("include_deleted", c.req.query("include_deleted"), false),
        statuses: parseEnumListParam("status", c.req.query("status"), JOB_STATUSES),
        priority: parseEnumParam("priority", c.req.query("priority"), JOB_PRIORITIES),
        locationUuid: parseUuidParam("location_uuid", c.req.query("location_uuid")),
        customerUuid: parseUuidParam("customer_uuid", c.req.query("customer_uuid")),
        assignedToUserId: parseUuidParam("assigned_to_user_id", c.req.query("assigned_to_user_id")),
        search: parseSearchParam(c.req.query("search")),
      };
      const companyUuid = c.var.company.uuid;
      const total = await listTotals.total(db, companyUuid, "jobs", jobCountQuery(companyUuid, filter));
      const rows = page.offset < total ? await listJobs(db, companyUuid, filter, page.limit, page.offset) : [];
      return c.json(success({ jobs: rows.map(listItem), pagination: paginationOf(page, total) }));
    },

    async get(c: Context<AppEnv>) {
      const uuid = parsePathUuid("job", c.req.param("uuid") ?? "");
      const includeDeleted = parseBooleanParam("include_deleted", c.req.query("include_deleted"), false);
      const companyUuid = c.var.company.uuid;
      const row = await findJob(db, companyUuid, uuid, { includeDeleted });
      if (!row) throw notFound(NOT_FOUND);
      return c.json(success(await detail(db, companyUuid, row)));
    },

    async create(c: Context<AppEnv>) {
      const body = parseJsonObject(c.var.rawBody);
      if (strictDocs) requireScheduledTimestamp(body);
      const input = parseOrThrow(jobCreateSchema, strictDocs ? onlyDocumented(body, JOB_CREATE_PARAMETERS) : body);
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        await checkReferences(tx, companyUuid, input);
        const now = clock();
        const jobNumber = input.job_number ?? (await nextJobNumber(tx, companyUuid));
        const row = await insertJob(tx, companyUuid, randomUUID(), { ...input, job_number: jobNumber, ...statusTimestamps(input, null, now) }, now);
        return { status: 200, data: await detail(tx, companyUuid, row) };
      });
    },

    async update(c: Context<AppEnv>) {
      const uuid = parsePathUuid("job", c.req.param("uuid") ?? "");
      const intent = classifyPut(parseJsonObject(c.var.rawBody));
      if (strictDocs && intent.kind === "update") requireScheduledTimestamp(intent.body);
      const input = intent.kind === "update" ? parseOrThrow(jobUpdateSchema, intent.body) : null;
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        const now = clock();
        let row: JobRow | null = null;
        if (input === null) {
          row = await restoreJob(tx, companyUuid, uuid, now);
        } else {
          const previous = await findJob(tx, companyUuid, uuid, { includeDeleted: false, forUpdate: true });
          if (previous) {
            await checkReferences(tx, companyUuid, input, previous);
            row = await updateJob(tx, companyUuid, uuid, { ...input, ...statusTimestamps(input, previous, now) }, now);
          }
        }
        if (!row) throw notFound(NOT_FOUND);
        return { status: 200, data: await detail(tx, companyUuid, row) };
      });
    },

    async remove(c: Context<AppEnv>) {
      const uuid = parsePathUuid("job", c.req.param("uuid") ?? "");
      const companyUuid = c.var.company.uuid;
      return commitWrite(c, db, async (tx) => {
        if (!(await softDeleteJob(tx, companyUuid, uuid, clock()))) throw notFound(NOT_FOUND);
        return { status: 200, data: { message: "Job deleted successfully" } };
      });
    },
  };
}

/**
 * Every UUID a job points at must be a record of the same company (CRM-API
 * decision 10). On update, a reference the job already has is not checked
 * again: a client sending the whole job back must not fail because its
 * customer was deleted since.
 */
async function checkReferences(tx: Queryable, companyUuid: string, input: JobInput, previous?: JobRow): Promise<void> {
  const changed = <K extends "customer_uuid" | "location_uuid" | "assigned_to_user_id">(key: K): string | null =>
    input[key] && input[key] !== previous?.[key] ? (input[key] as string) : null;
  const customer = changed("customer_uuid");
  if (customer && !(await isActiveCustomer(tx, companyUuid, customer))) {
    throw badRequest("customer_uuid does not match a customer of this company");
  }
  const location = changed("location_uuid");
  if (location && !(await isActiveLocation(tx, companyUuid, location))) {
    throw badRequest("location_uuid does not match a location of this company");
  }
  const user = changed("assigned_to_user_id");
  if (user && !(await findUser(tx, companyUuid, user))) {
    throw badRequest("assigned_to_user_id does not match a user of this company");
  }
}
