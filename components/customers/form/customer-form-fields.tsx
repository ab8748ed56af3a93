"use client";

import type { ReactNode } from "react";
import { FormSection } from "@/components/forms/form-section";
import { ValueOptions } from "@/components/forms/value-options";
import { Controller, type UseFormReturn } from "react-hook-form";
import { AddressFields } from "@/components/customers/form/address-fields";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field, fieldAria, inputClassName } from "@/components/ui/field";
import { TagInput } from "@/components/ui/tag-input";
import { NOTIFY_LABELS } from "@/lib/customers/customer-field-labels";
import { CUSTOMER_TYPES } from "@/lib/customers/customer-enums";
import { LEAD_SOURCES, MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/customers/customer-fields";
import type { CustomerFormState } from "@/lib/customers/customer-schema";
import { formatUsPhoneAsTyped } from "@/lib/phone/us-phone-parsing";

type Form = UseFormReturn<CustomerFormState>;

/** Every input's id is `customer-<field>`: the error summary and server errors find fields by it. */
export const fieldId = (field: keyof CustomerFormState) => `customer-${field}`;

const NOTES_MAX = 5_000;
const numberFormat = new Intl.NumberFormat("en-US");

function message(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  // An array field (tags) keeps one error per item.
  return Object.values(error).map(message).find(Boolean);
}

export function NameAndTypeFields({ form }: { form: Form }) {
  const {
    register,
    formState: { errors },
  } = form;
  const text = (field: "first_name" | "last_name" | "company_name", label: string, hint?: string) => (
    <Field id={fieldId(field)} label={label} error={errors[field]?.message} hint={hint}>
      <input {...register(field)} {...fieldAria(fieldId(field), errors[field]?.message, hint)} autoComplete="off" className={inputClassName} />
    </Field>
  );
  return (
    <FormSection title="Customer" columns={2}>
      {text("first_name", "First name")}
      {text("last_name", "Last name")}
      {text("company_name", "Company", "For commercial customers")}
      <Field id={fieldId("customer_type")} label="Customer type" error={errors.customer_type?.message}>
        <select {...register("customer_type")} {...fieldAria(fieldId("customer_type"), errors.customer_type?.message)} className={inputClassName}>
          <ValueOptions values={CUSTOMER_TYPES} />
        </select>
      </Field>
      <CheckboxField
        {...register("is_vip")}
        id={fieldId("is_vip")}
        label="VIP customer"
        error={errors.is_vip?.message}
        hint="Shown with a VIP badge everywhere"
      />
    </FormSection>
  );
}

export function ContactFields({ form, notice, onContactBlur }: { form: Form; notice?: ReactNode; onContactBlur?: () => void }) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const phoneHint = "US number, any format";
  return (
    <FormSection title="Contact" description="An email or a phone number is needed." columns={2}>
      <Controller
        control={control}
        name="phone"
        // Rules reading the phone report on other fields: re-check them when it changes.
        rules={{ deps: ["email", "on_my_way_notify_via", "marketing_sms_opt_in"] }}
        render={({ field, fieldState }) => (
          <Field id={fieldId("phone")} label="Phone" error={fieldState.error?.message} hint={phoneHint}>
            <input
              ref={field.ref}
              name={field.name}
              value={field.value ?? ""}
              onChange={(event) => field.onChange(formatUsPhoneAsTyped(event.target.value, field.value ?? undefined))}
              onBlur={() => {
                field.onBlur();
                onContactBlur?.();
              }}
              {...fieldAria(fieldId("phone"), fieldState.error?.message, phoneHint)}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              className={inputClassName}
            />
          </Field>
        )}
      />
      <Field id={fieldId("email")} label="Email" error={errors.email?.message}>
        <input
          {...register("email", { deps: ["phone", "on_my_way_notify_via", "marketing_email_opt_in"], onBlur: () => onContactBlur?.() })}
          {...fieldAria(fieldId("email"), errors.email?.message)}
          type="email"
          autoComplete="off"
          spellCheck={false}
          className={inputClassName}
        />
      </Field>
      {notice && <div className="mb-4 sm:col-span-2">{notice}</div>}
      <Field
        id={fieldId("on_my_way_notify_via")}
        label="On-my-way notification"
        error={errors.on_my_way_notify_via?.message}
        hint="How the technician's “on my way” message reaches them"
      >
        <select
          {...register("on_my_way_notify_via")}
          {...fieldAria(fieldId("on_my_way_notify_via"), errors.on_my_way_notify_via?.message, "hint")}
          className={inputClassName}
        >
          {Object.entries(NOTIFY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
    </FormSection>
  );
}

export function AddressSections({ form }: { form: Form }) {
  const {
    register,
    watch,
    getValues,
    setValue,
    formState: { errors },
  } = form;
  const same = watch("billing_same_as_physical");
  return (
    <FormSection title="Addresses">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">Physical address</legend>
        <AddressFields form={form} prefix="physical" />
      </fieldset>
      <fieldset className="mt-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Billing address</legend>
        <CheckboxField
          {...register("billing_same_as_physical", {
            onChange: (event: { target: { checked: boolean } }) => {
              // Unticked with nothing typed yet: start from the physical address, usually only one part differs.
              if (event.target.checked) return;
              const values = getValues();
              const parts = ["address1", "address2", "city", "state", "zip"] as const;
              if (parts.every((part) => (values[`billing_${part}`] ?? "").trim() === "")) {
                for (const part of parts) setValue(`billing_${part}`, values[`physical_${part}`], { shouldDirty: true });
              }
            },
          })}
          id={fieldId("billing_same_as_physical")}
          label="Billing address same as physical"
          error={errors.billing_same_as_physical?.message}
        />
        {!same && <AddressFields form={form} prefix="billing" />}
      </fieldset>
    </FormSection>
  );
}

export function ServiceAndMarketingFields({ form, locations }: { form: Form; locations: { uuid: string; name: string }[] | undefined }) {
  const {
    register,
    control,
    watch,
    formState: { errors },
  } = form;
  const location = watch("primary_service_location_uuid") ?? "";
  const unknownLocation = location !== "" && locations !== undefined && !locations.some((known) => known.uuid === location);
  const tagsHint = `Press Enter or comma to add a tag. Up to ${MAX_TAGS}.`;
  return (
    <FormSection title="Service and marketing" columns={2}>
      <Field
        id={fieldId("primary_service_location_uuid")}
        label="Primary service location"
        error={errors.primary_service_location_uuid?.message}
        hint={locations === undefined ? "Loading the company's locations…" : "The office or warehouse that serves them"}
      >
        <select
          {...register("primary_service_location_uuid")}
          {...fieldAria(fieldId("primary_service_location_uuid"), errors.primary_service_location_uuid?.message, "hint")}
          className={inputClassName}
        >
          <option value="">None</option>
          {/* Until the list loads (or if it can't), the stored choice is kept as it is. */}
          {(locations === undefined || unknownLocation) && location !== "" && <option value={location}>Current location</option>}
          {locations?.map((known) => (
            <option key={known.uuid} value={known.uuid}>
              {known.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fieldId("lead_source")} label="Lead source" error={errors.lead_source?.message} hint="How they found the business">
        <select {...register("lead_source")} {...fieldAria(fieldId("lead_source"), errors.lead_source?.message, "hint")} className={inputClassName}>
          <option value="">Not recorded</option>
          <ValueOptions values={LEAD_SOURCES} />
        </select>
      </Field>
      <div className="sm:col-span-2">
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <Field id={fieldId("tags")} label="Tags" error={message(fieldState.error)} hint={tagsHint}>
              <TagInput
                id={fieldId("tags")}
                inputRef={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                maxTags={MAX_TAGS}
                maxLength={MAX_TAG_LENGTH}
                invalid={Boolean(fieldState.error)}
                describedBy={fieldState.error ? `${fieldId("tags")}-error` : `${fieldId("tags")}-hint`}
              />
            </Field>
          )}
        />
      </div>
      <CheckboxField
        {...register("marketing_email_opt_in")}
        id={fieldId("marketing_email_opt_in")}
        label="Marketing emails"
        error={errors.marketing_email_opt_in?.message}
        hint="They agreed to receive offers by email"
      />
      <CheckboxField
        {...register("marketing_sms_opt_in")}
        id={fieldId("marketing_sms_opt_in")}
        label="Marketing texts"
        error={errors.marketing_sms_opt_in?.message}
        hint="They agreed to receive offers by text message"
      />
    </FormSection>
  );
}

export function NotesField({ form }: { form: Form }) {
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const length = (watch("notes") ?? "").length;
  const hint = `Internal: customers never see these. ${numberFormat.format(length)} of ${numberFormat.format(NOTES_MAX)} characters.`;
  return (
    // No section heading: it would only repeat the field's own label.
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Field id={fieldId("notes")} label="Notes" error={errors.notes?.message} hint={hint}>
        <textarea {...register("notes")} {...fieldAria(fieldId("notes"), errors.notes?.message, hint)} rows={4} className={inputClassName} />
      </Field>
    </div>
  );
}
