"use client";

import { locationNotFound } from "@/lib/jobs/location-label";
import { DataTableSearch } from "@/components/data-table/toolbar";
import { CustomerPicker } from "@/components/jobs/customer-picker";
import { FilterField, filterAria, filterSelectClassName } from "@/components/jobs/filters/filter-field";
import { StatusFilter } from "@/components/jobs/filters/status-filter";
import { preloadJobFilterCheck } from "@/components/jobs/filters/use-job-filter-check";
import { secondaryButtonClassName } from "@/components/ui/field";
import { assigneeLabel, mergeAssignees } from "@/lib/jobs/assignees";
import { useChosenCustomer } from "@/lib/jobs/queries/get-customer-options";
import { useJobAssignees } from "@/lib/jobs/queries/get-job-assignees";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { JOB_PRIORITIES } from "@/lib/jobs/job-enums";
import type { Assignee } from "@/lib/jobs/job-types";
import type { FilterErrors, RawJobFilters } from "@/lib/jobs/job-list-url";

interface JobFiltersProps {
  /** The table adds statuses and deleted jobs; the board's columns are the statuses. */
  variant: "board" | "table";
  raw: RawJobFilters;
  errors: FilterErrors;
  onChange: (patch: Partial<RawJobFilters>) => void;
  /** People seen on the jobs on screen, added to the assignee choices. */
  seenAssignees: readonly Assignee[];
}

/**
 * The selects get a set width: sized to their longest option, the location and
 * assignee lists widened when their options arrived after the page was shown,
 * which moved the filters beside them and, once the row wrapped, the whole
 * board below (a layout shift of 0.37 in `npm run bench`).
 */
const FIXED_SELECT_WIDTH = "w-full sm:w-44";
const NOT_FILTERS = new Set<keyof RawJobFilters>(["page", "limit", "sort"]);
const CLEARED: Partial<RawJobFilters> = {
  status: "",
  priority: "",
  location_uuid: "",
  assigned_to_user_id: "",
  customer_uuid: "",
  search: "",
  include_deleted: "",
  from: "",
  to: "",
  unassigned: "",
  unscheduled: "",
  page: "",
};

/**
 * The job screens' filters. Each change goes to the URL (so a reload or a
 * shared link shows the same jobs) and sends the list back to page 1.
 */
export function JobFilters({ variant, raw, errors, onChange, seenAssignees }: JobFiltersProps) {
  const prefix = `${variant}-filter`;
  const change = (patch: Partial<RawJobFilters>) => onChange({ ...patch, page: "" });
  const locations = useLocations();
  const assignees = useJobAssignees();
  const people = mergeAssignees(assignees.data ?? [], seenAssignees);
  const customer = useChosenCustomer(raw.customer_uuid && !errors.customer_uuid ? raw.customer_uuid : null);
  const unknownPriority = raw.priority !== "" && !JOB_PRIORITIES.some((priority) => priority === raw.priority);
  const unknownLocation = raw.location_uuid !== "" && locations.isSuccess && !locations.data.some((location) => location.uuid === raw.location_uuid);
  const unknownAssignee = raw.assigned_to_user_id !== "" && !people.some((person) => person.id === raw.assigned_to_user_id);
  // The sort, page and page size are how the list is shown, not which jobs: they are not filters.
  const activeCount = (Object.keys(raw) as Array<keyof RawJobFilters>).filter((key) => !NOT_FILTERS.has(key) && raw[key] !== "").length;
  const active = activeCount > 0;

  return (
    // Reaching for a filter fetches the check that judges the change (see use-job-filter-check).
    <search
      aria-label="Filter jobs"
      onPointerEnter={preloadJobFilterCheck}
      onFocus={preloadJobFilterCheck}
      className="block rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-start gap-3">
        <DataTableSearch
          id={`${prefix}-search`}
          label="Search jobs"
          value={raw.search}
          onSearch={(search) => change({ search })}
          placeholder="Title, description or job number"
        />
        {errors.search && <p className="w-full text-sm text-red-700">{errors.search}</p>}

        {variant === "table" && (
          <FilterField id={`${prefix}-status`} label="Status" error={errors.status}>
            <StatusFilter id={`${prefix}-status`} value={raw.status} error={errors.status} onChange={(status) => change({ status })} />
          </FilterField>
        )}

        <FilterField id={`${prefix}-priority`} label="Priority" error={errors.priority} className={FIXED_SELECT_WIDTH}>
          <select
            {...filterAria(`${prefix}-priority`, errors.priority)}
            value={raw.priority}
            onChange={(event) => change({ priority: event.target.value })}
            className={filterSelectClassName}
          >
            <option value="">Any priority</option>
            {JOB_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority}
              </option>
            ))}
            {unknownPriority && <option value={raw.priority}>{raw.priority} (unknown)</option>}
          </select>
        </FilterField>

        <FilterField
          id={`${prefix}-location`}
          label="Location"
          error={errors.location_uuid ?? (unknownLocation ? "That location doesn't exist (any more)." : undefined)}
          className={FIXED_SELECT_WIDTH}
        >
          <select
            {...filterAria(`${prefix}-location`, errors.location_uuid ?? (unknownLocation ? "unknown" : undefined))}
            value={raw.location_uuid}
            onChange={(event) => change({ location_uuid: event.target.value })}
            className={filterSelectClassName}
          >
            <option value="">Any location</option>
            {(locations.data ?? []).map((location) => (
              <option key={location.uuid} value={location.uuid}>
                {location.name}
              </option>
            ))}
            {raw.location_uuid !== "" && !locations.data?.some((location) => location.uuid === raw.location_uuid) && (
              <option value={raw.location_uuid}>{locations.isPending ? "Loading…" : locationNotFound(raw.location_uuid)}</option>
            )}
          </select>
        </FilterField>

        <FilterField id={`${prefix}-assignee`} label="Assigned to" error={errors.assigned_to_user_id} className={FIXED_SELECT_WIDTH}>
          <select
            {...filterAria(`${prefix}-assignee`, errors.assigned_to_user_id)}
            value={raw.assigned_to_user_id}
            onChange={(event) => change({ assigned_to_user_id: event.target.value })}
            className={filterSelectClassName}
          >
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {assigneeLabel(person)}
              </option>
            ))}
            {unknownAssignee && <option value={raw.assigned_to_user_id}>{assignees.isPending ? "Loading…" : "A team member on no recent job"}</option>}
          </select>
        </FilterField>

        <FilterField
          id={`${prefix}-customer`}
          label="Customer"
          error={errors.customer_uuid ?? (customer.isError ? "That customer wasn't found." : undefined)}
          className="w-full sm:w-64"
        >
          <CustomerPicker
            id={`${prefix}-customer`}
            value={customer.data ?? null}
            onChange={(chosen) => change({ customer_uuid: chosen?.uuid ?? "" })}
            invalid={Boolean(errors.customer_uuid) || customer.isError}
            describedBy={errors.customer_uuid || customer.isError ? `${prefix}-customer-error` : undefined}
            placeholder={raw.customer_uuid && customer.isPending ? "Loading…" : "Any customer"}
          />
        </FilterField>

        {variant === "table" && (
          <>
            <FilterField id={`${prefix}-from`} label="Scheduled from" error={errors.from} className="w-full sm:w-40">
              <input
                type="date"
                {...filterAria(`${prefix}-from`, errors.from)}
                value={raw.from}
                max={raw.to || undefined}
                onChange={(event) => change({ from: event.target.value })}
                className={filterSelectClassName}
              />
            </FilterField>
            <FilterField id={`${prefix}-to`} label="Scheduled to" error={errors.to} className="w-full sm:w-40">
              <input
                type="date"
                {...filterAria(`${prefix}-to`, errors.to)}
                value={raw.to}
                min={raw.from || undefined}
                onChange={(event) => change({ to: event.target.value })}
                className={filterSelectClassName}
              />
            </FilterField>
            {(["unassigned", "unscheduled"] as const).map((key) => (
              <div key={key} className="self-end pb-2">
                <div className="flex items-center gap-2">
                  <input
                    id={`${prefix}-${key}`}
                    type="checkbox"
                    checked={raw[key] === "true"}
                    aria-invalid={errors[key] ? true : undefined}
                    aria-describedby={errors[key] ? `${prefix}-${key}-error` : undefined}
                    onChange={(event) => change({ [key]: event.target.checked ? "true" : "" })}
                    className="size-4"
                  />
                  <label htmlFor={`${prefix}-${key}`} className="text-sm text-slate-800">
                    {key === "unassigned" ? "Unassigned only" : "Unscheduled only"}
                  </label>
                </div>
                {errors[key] && (
                  <p id={`${prefix}-${key}-error`} className="mt-1 max-w-xs text-sm text-red-700">
                    {errors[key]}
                  </p>
                )}
              </div>
            ))}
          </>
        )}

        {variant === "table" && (
          <div className="flex items-center gap-2 self-end pb-2">
            <input
              id={`${prefix}-deleted`}
              type="checkbox"
              checked={raw.include_deleted === "true"}
              onChange={(event) => change({ include_deleted: event.target.checked ? "true" : "" })}
              className="size-4"
            />
            <label htmlFor={`${prefix}-deleted`} className="text-sm text-slate-800">
              Show deleted
            </label>
            {errors.include_deleted && <p className="text-sm text-red-700">{errors.include_deleted}</p>}
          </div>
        )}

        {active && (
          <div className="flex items-center gap-2 self-end">
            <p className="rounded-md bg-amber-50 px-2 py-1 text-sm font-medium text-amber-950">
              {activeCount === 1 ? "1 filter on" : `${activeCount} filters on`}
            </p>
            <button type="button" className={secondaryButtonClassName} onClick={() => onChange(CLEARED)}>
              Clear filters
            </button>
          </div>
        )}
      </div>
    </search>
  );
}
