"use client";

import { locationNotFound } from "@/lib/jobs/location-label";
import { useController, useFormContext, useWatch } from "react-hook-form";
import { FormSection } from "@/components/forms/form-section";
import { ValueOptions } from "@/components/forms/value-options";
import { CustomerPicker } from "@/components/jobs/customer-picker";
import { Field, fieldAria, inputClassName } from "@/components/ui/field";
import { US_STATE_CODES } from "@/lib/forms/fields";
import { useChosenCustomer } from "@/lib/jobs/queries/get-customer-options";
import { assigneeLabel } from "@/lib/jobs/assignees";
import { JOB_PRIORITIES, JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { JobField } from "@/lib/jobs/job-field-labels";
import type { JobFormState } from "@/lib/jobs/job-schema";
import type { Assignee, CustomerRecord, Location } from "@/lib/jobs/job-types";

/** Each field's input id, `job-<field>`: for labels, error messages and the error summary's links. */
export const jobFieldId = (field: JobField) => `job-${field}`;

const checkboxRowClassName = "flex items-center gap-2 text-sm text-slate-800";

function useFieldError(name: keyof JobFormState): string | undefined {
  const { formState } = useFormContext<JobFormState>();
  return formState.errors[name]?.message;
}

function addressOf(customer: CustomerRecord | null): string {
  if (!customer) return "";
  return [
    customer.physical_address1,
    customer.physical_address2,
    [customer.physical_city, customer.physical_state, customer.physical_zip].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
}

export function CustomerSection({
  customer,
  onCustomerChange,
  customerNotice,
}: {
  customer: CustomerRecord | null;
  onCustomerChange: (customer: CustomerRecord | null) => void;
  customerNotice?: string | undefined;
}) {
  const { control, register } = useFormContext<JobFormState>();
  const { field } = useController({ control, name: "customer_uuid" });
  const useCustomerAddress = useWatch({ control, name: "use_customer_address" });
  const error = useFieldError("customer_uuid") ?? customerNotice;
  const listed = addressOf(customer);
  // A list item may leave the address out (CRM-API 000's list example does): with none shown, the customer is read whole to be sure.
  const whole = useChosenCustomer(customer && !listed ? customer.uuid : null);
  const address = listed || (whole.data?.uuid === customer?.uuid ? addressOf(whole.data ?? null) : "");

  return (
    <FormSection title="Customer and service address" columns={2}>
      <div className="sm:col-span-2">
        <Field id={jobFieldId("customer_uuid")} label="Customer" error={error} hint="Search by name, company, phone or email.">
          <CustomerPicker
            id={jobFieldId("customer_uuid")}
            value={customer}
            onChange={(chosen) => {
              onCustomerChange(chosen);
              field.onChange(chosen?.uuid ?? "");
            }}
            onBlur={field.onBlur}
            inputRef={field.ref}
            invalid={Boolean(error)}
            describedBy={`${jobFieldId("customer_uuid")}-${error ? "error" : "hint"}`}
          />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <label className={checkboxRowClassName}>
          <input type="checkbox" id={jobFieldId("use_customer_address")} {...register("use_customer_address")} className="size-4" />
          Use the customer&apos;s address
        </label>
        {useCustomerAddress && (
          <p className="mt-1 min-h-5 text-sm text-slate-600">
            {!customer ? "Choose a customer first." : address ? `The job will be at ${address}.` : "This customer has no address on file: untick to enter one."}
          </p>
        )}
      </div>
      {!useCustomerAddress && <ServiceAddressFields />}
    </FormSection>
  );
}

function ServiceAddressFields() {
  const { register } = useFormContext<JobFormState>();
  const errors = {
    address1: useFieldError("service_address1"),
    address2: useFieldError("service_address2"),
    city: useFieldError("service_city"),
    state: useFieldError("service_state"),
    zip: useFieldError("service_zip"),
  };
  return (
    <>
      <Field id={jobFieldId("service_address1")} label="Street address" error={errors.address1}>
        <input
          {...register("service_address1")}
          {...fieldAria(jobFieldId("service_address1"), errors.address1)}
          autoComplete="off"
          className={inputClassName}
        />
      </Field>
      <Field id={jobFieldId("service_address2")} label="Apartment, suite, unit (optional)" error={errors.address2}>
        <input
          {...register("service_address2")}
          {...fieldAria(jobFieldId("service_address2"), errors.address2)}
          autoComplete="off"
          className={inputClassName}
        />
      </Field>
      <Field id={jobFieldId("service_city")} label="City" error={errors.city}>
        <input {...register("service_city")} {...fieldAria(jobFieldId("service_city"), errors.city)} autoComplete="off" className={inputClassName} />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id={jobFieldId("service_state")} label="State" error={errors.state}>
          <select {...register("service_state")} {...fieldAria(jobFieldId("service_state"), errors.state)} className={inputClassName}>
            <option value="">—</option>
            <ValueOptions values={US_STATE_CODES} />
          </select>
        </Field>
        <Field id={jobFieldId("service_zip")} label="ZIP code" error={errors.zip}>
          <input
            {...register("service_zip")}
            {...fieldAria(jobFieldId("service_zip"), errors.zip)}
            inputMode="numeric"
            autoComplete="off"
            className={inputClassName}
          />
        </Field>
      </div>
    </>
  );
}

export function JobSection({
  locations,
  people,
  unknownAssigneeId,
}: {
  locations: readonly Location[];
  people: readonly Assignee[];
  unknownAssigneeId: string | null;
}) {
  const { register, control } = useFormContext<JobFormState>();
  const errors = {
    title: useFieldError("title"),
    description: useFieldError("description"),
    status: useFieldError("status"),
    priority: useFieldError("priority"),
    location: useFieldError("location_uuid"),
    assignee: useFieldError("assigned_to_user_id"),
  };
  const locationId = useWatch({ control, name: "location_uuid" });
  return (
    <FormSection title="The job" columns={2}>
      <div className="sm:col-span-2">
        <Field id={jobFieldId("title")} label="Title" error={errors.title}>
          <input {...register("title")} {...fieldAria(jobFieldId("title"), errors.title)} autoComplete="off" className={inputClassName} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={jobFieldId("description")} label="Description (optional)" error={errors.description}>
          <textarea {...register("description")} {...fieldAria(jobFieldId("description"), errors.description)} rows={3} className={inputClassName} />
        </Field>
      </div>
      <Field id={jobFieldId("status")} label="Status" error={errors.status}>
        <select {...register("status")} {...fieldAria(jobFieldId("status"), errors.status)} className={inputClassName}>
          <ValueOptions values={JOB_STATUSES} />
        </select>
      </Field>
      <Field id={jobFieldId("priority")} label="Priority" error={errors.priority}>
        <select {...register("priority")} {...fieldAria(jobFieldId("priority"), errors.priority)} className={inputClassName}>
          <ValueOptions values={JOB_PRIORITIES} />
        </select>
      </Field>
      <div className="flex flex-wrap gap-x-6 gap-y-2 pb-5 sm:col-span-2">
        <label className={checkboxRowClassName}>
          <input type="checkbox" id={jobFieldId("is_urgent")} {...register("is_urgent")} className="size-4" />
          Urgent
        </label>
        <label className={checkboxRowClassName}>
          <input type="checkbox" id={jobFieldId("is_emergency")} {...register("is_emergency")} className="size-4" />
          Emergency
        </label>
      </div>
      <Field id={jobFieldId("location_uuid")} label="Location" error={errors.location} hint="The office or branch handling it.">
        <select {...register("location_uuid")} {...fieldAria(jobFieldId("location_uuid"), errors.location, "hint")} className={inputClassName}>
          <option value="">No location</option>
          {locations.map((location) => (
            <option key={location.uuid} value={location.uuid}>
              {location.name}
            </option>
          ))}
          {locationId && !locations.some((location) => location.uuid === locationId) && <option value={locationId}>{locationNotFound(locationId)}</option>}
        </select>
      </Field>
      <Field id={jobFieldId("assigned_to_user_id")} label="Assigned to" error={errors.assignee} hint="People seen on recent jobs.">
        <select {...register("assigned_to_user_id")} {...fieldAria(jobFieldId("assigned_to_user_id"), errors.assignee, "hint")} className={inputClassName}>
          <option value="">Unassigned</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {assigneeLabel(person)}
            </option>
          ))}
          {unknownAssigneeId && <option value={unknownAssigneeId}>A team member on no recent job</option>}
        </select>
      </Field>
    </FormSection>
  );
}

export function ScheduleSection() {
  const { register } = useFormContext<JobFormState>();
  const errors = { date: useFieldError("scheduled_date"), start: useFieldError("scheduled_time_start"), end: useFieldError("scheduled_time_end") };
  // The scheduling rules read several fields: a change to one re-checks the others.
  const related = { deps: ["scheduled_date", "scheduled_time_start", "scheduled_time_end"] satisfies Array<keyof JobFormState> };
  return (
    <FormSection title="Schedule" columns={3}>
      <Field id={jobFieldId("scheduled_date")} label="Date" error={errors.date}>
        <input type="date" {...register("scheduled_date", related)} {...fieldAria(jobFieldId("scheduled_date"), errors.date)} className={inputClassName} />
      </Field>
      <Field id={jobFieldId("scheduled_time_start")} label="Start time" error={errors.start}>
        <input
          type="time"
          {...register("scheduled_time_start", related)}
          {...fieldAria(jobFieldId("scheduled_time_start"), errors.start)}
          className={inputClassName}
        />
      </Field>
      <Field id={jobFieldId("scheduled_time_end")} label="End time" error={errors.end}>
        <input
          type="time"
          {...register("scheduled_time_end", related)}
          {...fieldAria(jobFieldId("scheduled_time_end"), errors.end)}
          className={inputClassName}
        />
      </Field>
    </FormSection>
  );
}

export function MoneySection() {
  const { register } = useFormContext<JobFormState>();
  const errors = { estimated: useFieldError("estimated_amount"), actual: useFieldError("actual_amount") };
  return (
    <FormSection title="Amounts" columns={2}>
      <Field id={jobFieldId("estimated_amount")} label="Estimated amount ($)" error={errors.estimated} hint="Dollars and cents, e.g. 1250.00">
        <input
          {...register("estimated_amount")}
          {...fieldAria(jobFieldId("estimated_amount"), errors.estimated, "hint")}
          inputMode="decimal"
          autoComplete="off"
          className={inputClassName}
        />
      </Field>
      <Field id={jobFieldId("actual_amount")} label="Actual amount ($)" error={errors.actual} hint="Once the work is done">
        <input
          {...register("actual_amount")}
          {...fieldAria(jobFieldId("actual_amount"), errors.actual, "hint")}
          inputMode="decimal"
          autoComplete="off"
          className={inputClassName}
        />
      </Field>
    </FormSection>
  );
}

export function NotesSection() {
  const { register } = useFormContext<JobFormState>();
  const errors = { internal: useFieldError("internal_notes"), customer: useFieldError("customer_notes") };
  return (
    <FormSection title="Notes" columns={2}>
      <Field id={jobFieldId("internal_notes")} label="Internal notes" error={errors.internal} hint="Only your team sees these.">
        <textarea {...register("internal_notes")} {...fieldAria(jobFieldId("internal_notes"), errors.internal, "hint")} rows={3} className={inputClassName} />
      </Field>
      <Field id={jobFieldId("customer_notes")} label="Customer notes" error={errors.customer} hint="Shared with the customer.">
        <textarea {...register("customer_notes")} {...fieldAria(jobFieldId("customer_notes"), errors.customer, "hint")} rows={3} className={inputClassName} />
      </Field>
    </FormSection>
  );
}
