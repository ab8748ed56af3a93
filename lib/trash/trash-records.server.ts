import "server-only";
import * as crmCustomers from "@/lib/crm/customers.server";
import * as crmJobs from "@/lib/crm/jobs.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import type { Customer, JobListItem } from "@/lib/crm/schemas.server";
import { customerSnapshot, jobSnapshot, type TrashSnapshot } from "@/lib/trash/trash-snapshot";
import type { TrashResource } from "@/lib/trash/trash-types";

/**
 * The CRM calls the trash needs, the same for customers and jobs: read one
 * record whether deleted or not, restore one. Restore is the undocumented
 * PUT kept in lib/crm. (Listing what is deleted is the mirror's job.)
 */
export interface TrashRecordSource {
  noun: string;
  get(uuid: string, options: { cache: boolean }): Promise<CrmResult<TrashRecord>>;
  restore(uuid: string, idempotencyKey: string): Promise<CrmResult<TrashRecord>>;
  snapshot(record: TrashRecord): TrashSnapshot;
}

export type TrashRecord = (Customer | JobListItem) & { uuid: string; deleted_at: string | null };

const customers: TrashRecordSource = {
  noun: "customer",
  get: (uuid, { cache }) => crmCustomers.getCustomer(uuid, { includeDeleted: true, cache }),
  restore: (uuid, key) => crmCustomers.restoreCustomer(uuid, key),
  snapshot: (record) => customerSnapshot(record as Customer),
};

const jobs: TrashRecordSource = {
  noun: "job",
  get: (uuid, { cache }) => crmJobs.getJob(uuid, { includeDeleted: true, cache }),
  restore: (uuid, key) => crmJobs.restoreJob(uuid, key),
  snapshot: (record) => jobSnapshot(record as JobListItem),
};

export const TRASH_SOURCES: Record<TrashResource, TrashRecordSource> = { customer: customers, job: jobs };
