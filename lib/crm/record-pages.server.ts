import "server-only";
import { z } from "zod";
import { crmRead } from "@/lib/crm/crm-request.server";
import { paginationSchema } from "@/lib/crm/schemas.server";

/**
 * One page of every record of a resource, deleted ones included, for the
 * mirror's sync (lib/mirror). Records are left unparsed here so that one
 * record the dashboard cannot read does not fail the page: the sync parses
 * each, keeps the good ones and lists the others. Never cached: the sync
 * exists to see what the CRM says now.
 */
export type RecordResource = "customers" | "jobs" | "locations";

const pageSchemas = {
  customers: z.object({ customers: z.array(z.unknown()), pagination: paginationSchema }),
  jobs: z.object({ jobs: z.array(z.unknown()), pagination: paginationSchema }),
  locations: z.object({ locations: z.array(z.unknown()), pagination: paginationSchema }),
};

export interface RecordPageParams {
  page: number;
  limit: number;
  includeDeleted?: boolean;
  /** Jobs only: a comma list of statuses. */
  statuses?: readonly string[];
}

export async function readRecordPage(resource: RecordResource, params: RecordPageParams) {
  const result = await crmRead(`/${resource}`, pageSchemas[resource], {
    query: {
      page: params.page,
      limit: params.limit,
      include_deleted: params.includeDeleted === false ? undefined : "true",
      status: resource === "jobs" && params.statuses?.length ? params.statuses.join(",") : undefined,
    },
    cache: false,
  });
  const data: { pagination: z.infer<typeof paginationSchema>; customers?: unknown[]; jobs?: unknown[]; locations?: unknown[] } = result.data;
  return { records: data[resource] ?? [], pagination: data.pagination, meta: result.meta };
}
