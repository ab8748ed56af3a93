"use client";

import { useViewerTimeZone } from "@/lib/time/viewer-time-zone-context";
import { useMemo, useRef, useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import { ConflictReview } from "@/components/forms/conflict-table";
import { ChangedElsewhereNotice } from "@/components/live/changed-elsewhere-notice";
import { getCustomer } from "@/lib/customers/queries/get-customer";
import { DuplicateDialog, DuplicateNotice } from "@/components/customers/form/duplicate-warning";
import {
  AddressSections,
  ContactFields,
  fieldId,
  NameAndTypeFields,
  NotesField,
  ServiceAndMarketingFields,
} from "@/components/customers/form/customer-form-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormProblemNotice, FormSaveBar, type FormProblem } from "@/components/forms/form-footer";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useIntentKey } from "@/components/forms/use-intent-key";
import { useSessionDraft } from "@/components/forms/use-session-draft";
import { DRAFT_RESTORED_NOTICE } from "@/lib/forms/save-failure";
import { notSavedFields, notSavedMessage } from "@/lib/forms/not-saved";
import { describeSaveFailure } from "@/lib/forms/apply-server-errors";
import { useCreateCustomer } from "@/lib/customers/queries/create-customer";
import { conflictingCustomer, useUpdateCustomer } from "@/lib/customers/queries/update-customer";
import { buildCustomerPatch, describeConflict, type ConflictRow } from "@/lib/customers/customer-changes";
import { customerName, formatDateTime } from "@/lib/customers/customer-format";
import { CUSTOMER_FIELD_LABELS, CUSTOMER_FIELDS, formatCustomerValue } from "@/lib/customers/customer-field-labels";
import { customerFormResolver } from "@/lib/customers/customer-form-resolver";
import { customerToFormValues } from "@/lib/customers/customer-crm-mapping";
import type { CustomerFormState } from "@/lib/customers/customer-schema";
import type { CustomerDto } from "@/lib/customers/customer-types";
import type { WithNotSaved } from "@/lib/crm/crm-types";
import { useDuplicateCheck } from "@/components/customers/form/use-duplicate-check";
import { locationLabel } from "@/lib/jobs/location-label";
import { sameContact } from "@/lib/customers/find-duplicates";
import { duplicateQuestionOf, type DuplicateAnswer } from "@/lib/customers/queries/duplicate-question";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { ReadyForm } from "@/components/forms/ready-form";

/** What an ended session keeps of this form: the values, and for an edit what it started from. */
type CustomerDraft = { values: CustomerFormState; base: CustomerFormState; record: CustomerDto | null };

export type CustomerFormMode = { kind: "create"; defaults: CustomerFormState } | { kind: "edit"; customer: CustomerDto };

/**
 * The new-customer and edit-customer form. What it promises the person
 * typing:
 * - every rule of the shared schema shows on its field when it is left and on
 *   Save; Save never does nothing (problems are listed beside it and the first
 *   field gets focus);
 * - what was typed survives every failure (the values stay in the form; a
 *   network failure offers "Try again" with the same Idempotency-Key, so a
 *   save whose answer was lost is not made twice);
 * - a phone or email already on file is flagged as it is left, and a save the
 *   server finds a possible duplicate (new or edited) asks "open the existing
 *   one or save anyway"; a check the server could not make is said, and the
 *   person chooses;
 * - an edit that crossed someone else's shows both side by side and can be
 *   applied again on top of theirs;
 * - leaving with unsaved changes asks first.
 */
export function CustomerForm({ mode }: { mode: CustomerFormMode }) {
  const create = useCreateCustomer();
  const timeZone = useViewerTimeZone();
  const update = useUpdateCustomer();
  const editing = mode.kind === "edit";
  const [record, setRecord] = useState<CustomerDto | null>(editing ? mode.customer : null);
  const [initial] = useState<CustomerFormState>(() => (mode.kind === "edit" ? customerToFormValues(mode.customer) : mode.defaults));
  // What the edit started from: the record's values, after a conflict the newer record's.
  const [base, setBase] = useState(initial);
  // react-hook-form takes its options afresh on every render, so the resolver follows the base.
  const resolver = useMemo(() => customerFormResolver(editing ? base : undefined), [editing, base]);
  const form = useForm<CustomerFormState>({ resolver, mode: "onTouched", defaultValues: initial });
  const { handleSubmit, setError, reset, setValue, getValues, formState } = form;

  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const [conflict, setConflict] = useState<ConflictRow[] | null>(null);
  const [duplicateQuestion, setDuplicateQuestion] = useState<DuplicateAnswer | null>(null);
  const intentKey = useIntentKey();
  // While typing, a courtesy notice; on Save the server decides (409 possible_duplicate). An edit never matches itself or flags a value left as it was.
  const duplicates = useDuplicateCheck(getValues, {
    excludeUuid: record?.uuid,
    unchanged: editing ? (field, values) => sameContact(field, values[field], base[field]) : undefined,
  });
  const locations = useLocations();
  const guard = useUnsavedChangesGuard(formState.isDirty, editing ? "this customer" : "the new customer");
  const conflictHeading = useRef<HTMLDivElement>(null);
  // An ended session takes the person to sign in; what they typed waits here for them (see use-session-draft).
  useSessionDraft<CustomerDraft>(
    editing ? `customer:${mode.customer.uuid}` : "customer:new",
    () => (formState.isDirty ? { values: getValues(), base, record } : null),
    (draft) => {
      if (editing && draft.record) {
        // The edit goes on from the record as it was when they started: if it changed since, Save shows the conflict.
        setRecord(draft.record);
        setBase(draft.base);
      }
      reset(draft.values, { keepDefaultValues: true });
      setProblem({ message: DRAFT_RESTORED_NOTICE, retry: false, tone: "info" });
    },
  );

  const locationName = (field: string, value: unknown) => {
    if (field === "primary_service_location_uuid" && typeof value === "string" && value !== "") {
      return locationLabel(value, locations.data) || "A location";
    }
    return formatCustomerValue(field, value);
  };

  function onSaved(customer: WithNotSaved<CustomerDto>, values: CustomerFormState) {
    intentKey.done();
    if (customer.not_saved?.length) {
      onPartlySaved(customer, values);
      return;
    }
    toast.success(editing ? `Changes to ${customerName(customer)} are saved.` : `${customerName(customer)} is added.`);
    guard.leave(`/customers/${customer.uuid}`);
  }

  /** Saved, but the CRM kept not all of it: the form goes on as an edit of the saved record, with the fields it did not keep still typed in. */
  function onPartlySaved(customer: WithNotSaved<CustomerDto>, values: CustomerFormState) {
    const saved = customerToFormValues(customer);
    const fields = notSavedFields(customer.not_saved, CUSTOMER_FIELDS, {
      internal_flags: ["tags", "lead_source", "marketing_email_opt_in", "marketing_sms_opt_in"],
    });
    setRecord(customer);
    setBase(saved);
    reset(saved);
    for (const field of fields) setValue(field, values[field], { shouldDirty: true });
    const done = editing ? `Changes to ${customerName(customer)} are saved` : `${customerName(customer)} is added`;
    setProblem({
      message: notSavedMessage(
        done,
        fields.map((field) => CUSTOMER_FIELD_LABELS[field]),
      ),
      retry: false,
      tone: "error",
    });
  }

  function onConflict(current: CustomerDto, mine: CustomerFormState) {
    const theirs = customerToFormValues(current);
    const rows = describeConflict(base, mine, theirs);
    const myFields = CUSTOMER_FIELDS.filter((field) => rows.some((row) => row.field === field && row.iChanged));
    setBase(theirs);
    setRecord(current);
    // The form now starts from their version (clean), with this person's changes on top (dirty): Save sends only those.
    reset(theirs);
    for (const field of myFields) setValue(field, mine[field], { shouldDirty: true });
    setConflict(rows);
    requestAnimationFrame(() => {
      conflictHeading.current?.scrollIntoView({ block: "start" });
      document.getElementById("conflict-title")?.focus();
    });
  }

  function onFailed(error: unknown, values: CustomerFormState) {
    const current = conflictingCustomer(error);
    if (current) {
      onConflict(current, values);
      return;
    }
    const duplicate = duplicateQuestionOf(error);
    if (duplicate) {
      setDuplicateQuestion(duplicate);
      return;
    }
    const failure = describeSaveFailure(error, setError, CUSTOMER_FIELDS);
    if (failure.showSummary) setShowSummary(true);
    if (failure.problem) setProblem(failure.problem);
  }

  async function save(values: CustomerFormState, options: { confirmDuplicate?: boolean } = {}) {
    setProblem(null);
    setShowSummary(false);
    const confirmDuplicate = options.confirmDuplicate === true;
    try {
      // A new customer the CRM did not keep all of is edited from then on (record is set): Save must not add a second one.
      if (mode.kind === "create" && !record) {
        const key = intentKey.keyFor({ values, confirmDuplicate });
        onSaved(await create.mutateAsync({ values, idempotencyKey: key, confirmDuplicate }), values);
      } else if (record) {
        const patch = buildCustomerPatch(base, values, record.updated_at ?? "");
        if (!patch) {
          setProblem({ message: "Nothing to save: nothing has been changed.", retry: false, tone: "info" });
          return;
        }
        const key = intentKey.keyFor({ patch, confirmDuplicate });
        onSaved(await update.mutateAsync({ uuid: record.uuid, patch, idempotencyKey: key, confirmDuplicate }), values);
      }
    } catch (error) {
      onFailed(error, values);
    }
  }

  function onInvalid(errors: FieldErrors<CustomerFormState>) {
    setProblem(null);
    setShowSummary(Object.keys(errors).length > 0);
  }

  const submit = (options?: { confirmDuplicate?: boolean }) => handleSubmit((values) => save(values, options), onInvalid);

  const summary = showSummary
    ? CUSTOMER_FIELDS.flatMap((field) => {
        const error = formState.errors[field];
        const text = error?.message ?? (Array.isArray(error) ? error.find((item) => item?.message)?.message : undefined);
        return text ? [{ id: fieldId(field), label: CUSTOMER_FIELD_LABELS[field], message: text }] : [];
      })
    : [];
  const busy = formState.isSubmitting;
  const cancelHref = editing && record ? `/customers/${record.uuid}` : "/customers";

  return (
    <ReadyForm onSubmit={(event) => void submit()(event)} noValidate className="space-y-6" aria-label={editing ? "Edit customer" : "New customer"}>
      {editing && record && (
        <ChangedElsewhereNotice kind="customer" recordId={record.uuid} onReview={async () => onConflict(await getCustomer(record.uuid), getValues())} />
      )}
      {conflict && record && (
        <div ref={conflictHeading}>
          <ConflictReview
            noun="customer"
            rows={conflict}
            labels={CUSTOMER_FIELD_LABELS}
            changedBy={`at ${formatDateTime(record.updated_at, timeZone)}`}
            formatValue={locationName}
            applying={busy}
            onApply={() => void submit()()}
            onDiscard={() => {
              reset(base);
              setConflict(null);
              setProblem(null);
            }}
          />
        </div>
      )}

      <NameAndTypeFields form={form} />
      <ContactFields form={form} notice={<DuplicateNotice matches={duplicates.matches} />} onContactBlur={duplicates.checkCurrent} />
      <AddressSections form={form} />
      <ServiceAndMarketingFields form={form} locations={locations.data} />
      <NotesField form={form} />

      <ErrorSummary errors={summary} />
      <FormProblemNotice problem={problem} onRetry={() => void submit()()} />
      <FormSaveBar
        submitLabel="Save"
        busy={busy}
        busyLabel="Saving…"
        cancelHref={cancelHref}
        fieldsNeedingAttention={summary.length}
        dirty={formState.isDirty}
      />

      <DuplicateDialog
        question={duplicateQuestion}
        editing={editing}
        onCancel={() => setDuplicateQuestion(null)}
        onOpenExisting={(match) => {
          setDuplicateQuestion(null);
          guard.leave(match.link);
        }}
        onSaveAnyway={() => {
          setDuplicateQuestion(null);
          void submit({ confirmDuplicate: true })();
        }}
      />
      {guard.dialog}
    </ReadyForm>
  );
}
