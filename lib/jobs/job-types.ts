import type { JobDetail, JobListItem, Location, Pagination, UnreadableRecord } from "@/lib/crm/crm-types";
import type { CustomerDto } from "@/lib/customers/customer-types";
import type { ListSource } from "@/lib/lists/list-source-types";

/**
 * The job shapes the browser receives from the dashboard's API. They are the
 * CRM objects as lib/crm parses them (timestamps as ISO strings), imported as
 * types only, so no server code reaches the browser bundle.
 */
export type { JobDetail, JobListItem, Location, Pagination };

/** One page of GET /api/jobs, from the CRM or, sorted or filtered as only it can, from the mirror (`source`, ADR-017). */
export interface JobListPage {
  jobs: JobListItem[];
  /** Records of this page the dashboard could not read (ADR-019). */
  unreadable?: UnreadableRecord[];
  pagination: Pagination;
  /** In every answer of the API; absent from pages the browser builds itself (the board's optimistic moves). */
  source?: ListSource;
}

/** What the job screens need of a customer (GET /api/customers and a job's embedded customer both have it). */
export type CustomerRecord = Pick<
  CustomerDto,
  | "uuid"
  | "first_name"
  | "last_name"
  | "company_name"
  | "phone"
  | "email"
  | "physical_address1"
  | "physical_address2"
  | "physical_city"
  | "physical_state"
  | "physical_zip"
>;

/** A person jobs can be assigned to, as the CRM embeds them (`assigned_user`). */
export interface Assignee {
  id: string;
  first_name: string;
  last_name: string;
}
