"use client";

import { locationLabel } from "@/lib/jobs/location-label";
import { useMemo, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormProblemNotice, FormSaveBar, type FormProblem } from "@/components/forms/form-footer";
import { useIntentKey } from "@/components/forms/use-intent-key";
import { useSessionDraft } from "@/components/forms/use-session-draft";
import { DRAFT_RESTORED_NOTICE } from "@/lib/forms/save-failure";
import { notSavedFields, notSavedMessage } from "@/lib/forms/not-saved";
import type { WithNotSaved } from "@/lib/crm/crm-types";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { customerDisplayName } from "@/components/jobs/customer-picker";
import { ConflictReview } from "@/components/forms/conflict-table";
import { ChangedElsewhereNotice } from "@/components/live/changed-elsewhere-notice";
import { fetchJob } from "@/lib/jobs/queries/get-job";
import { CustomerSection, JobSection, jobFieldId, MoneySection, NotesSection, ScheduleSection } from "@/components/jobs/form/job-form-sections";
import { describeSaveFailure } from "@/lib/forms/apply-server-errors";
import { assigneeLabelFor, mergeAssignees } from "@/lib/jobs/assignees";
import { useCreateJob } from "@/lib/jobs/queries/create-job";
import { useJobAssignees } from "@/lib/jobs/queries/get-job-assignees";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { conflictingJob, useUpdateJob } from "@/lib/jobs/queries/update-job";
import { buildJobPatch, describeJobConflict, type JobConflictRow } from "@/lib/jobs/job-changes";
import { JOB_FIELD_LABELS, JOB_FIELDS, type JobField } from "@/lib/jobs/job-field-labels";
import { jobLabel } from "@/lib/jobs/job-format";
import { jobFormResolver } from "@/lib/jobs/job-form-resolver";
import { jobFormDefaults, type JobFormState } from "@/lib/jobs/job-schema";
import { jobToFormValues } from "@/lib/jobs/job-crm-mapping";
import type { CustomerRecord, JobDetail } from "@/lib/jobs/job-types";
import { ReadyForm } from "@/components/forms/ready-form";

export type JobFormProps = { mode: "create"; initialCustomer: CustomerRecord | null; customerNotice?: string | undefined } | { mode: "edit"; job: JobDetail };

/** What an ended session keeps of this form. */
type JobDraft = { values: JobFormState; baseline: Baseline | null; customer: CustomerRecord | null };

/** What an edit starts from: the job as it was read, after a conflict the newer version. */
interface Baseline {
  job: JobDetail;
  values: JobFormState;
}

/**
 * Create or edit a job. Validation is the shared schema's, shown on each
 * field when it is left and on Save; the server's answer is mapped onto the
 * same fields. Whatever fails, the typed values stay. Same behaviour as the
 * customer form: one Idempotency-Key per intent, the unsaved-changes guard,
 * the error summary by the Save button.
 */
export function JobForm(props: JobFormProps) {
  const create = useCreateJob();
  const update = useUpdateJob();
  const [initial] = useState<JobFormState>(() =>
    props.mode === "edit" ? jobToFormValues(props.job) : { ...jobFormDefaults, customer_uuid: props.initialCustomer?.uuid ?? "" },
  );
  const [baseline, setBaseline] = useState<Baseline | null>(props.mode === "edit" ? { job: props.job, values: initial } : null);
  // react-hook-form takes its options afresh on every render, so the resolver follows the baseline.
  const resolver = useMemo(() => jobFormResolver(baseline ? () => baseline.values : undefined), [baseline]);
  const form = useForm<JobFormState, unknown, JobFormState>({ resolver, defaultValues: initial, mode: "onTouched" });
  const { handleSubmit, reset, setValue, setError, formState } = form;

  const [customer, setCustomer] = useState<CustomerRecord | null>(props.mode === "edit" ? props.job.customer : props.initialCustomer);
  const [conflict, setConflict] = useState<JobConflictRow[] | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const intentKey = useIntentKey();
  const guard = useUnsavedChangesGuard(formState.isDirty, baseline ? "this job" : "the new job");
  // An ended session takes the person to sign in; what they typed waits here for them (see use-session-draft).
  useSessionDraft<JobDraft>(
    props.mode === "edit" ? `job:${props.job.uuid}` : "job:new",
    () => (formState.isDirty ? { values: form.getValues(), baseline, customer } : null),
    (draft) => {
      // An edit goes on from the job as it was when they started: if it changed since, Save shows the conflict.
      if (props.mode === "edit" && draft.baseline) setBaseline(draft.baseline);
      setCustomer(draft.customer);
      reset(draft.values, { keepDefaultValues: true });
      setProblem({ message: DRAFT_RESTORED_NOTICE, retry: false, tone: "info" });
    },
  );

  const locations = useLocations();
  const assignees = useJobAssignees();
  const people = mergeAssignees(assignees.data ?? [], [baseline?.job.assigned_user ?? null]);
  const currentAssignee = useWatch({ control: form.control, name: "assigned_to_user_id" });
  const unknownAssigneeId = currentAssignee && !people.some((person) => person.id === currentAssignee) ? currentAssignee : null;

  function formatValue(field: JobField, value: unknown): string {
    if (value === null || value === undefined || value === "") return "(empty)";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (field === "location_uuid") return locationLabel(String(value), locations.data ?? []);
    if (field === "assigned_to_user_id") return assigneeLabelFor(String(value), people);
    if (field === "customer_uuid") {
      const known = [customer, baseline?.job.customer ?? null].find((candidate) => candidate?.uuid === value);
      return known ? customerDisplayName(known) : "Another customer";
    }
    return String(value);
  }

  function onSaved(saved: WithNotSaved<JobDetail>, values: JobFormState) {
    intentKey.done();
    if (saved.not_saved?.length) {
      // Saved, but the CRM kept not all of it: the form goes on as an edit of the saved job, with the fields it did not keep still typed in.
      const kept = jobToFormValues(saved);
      const fields = notSavedFields(saved.not_saved, JOB_FIELDS);
      setBaseline({ job: saved, values: kept });
      if (saved.customer) setCustomer(saved.customer);
      reset(kept);
      for (const field of fields) setValue(field, values[field], { shouldDirty: true });
      const done = baseline ? `Changes to ${jobLabel(saved)} are saved` : `${jobLabel(saved)} is created`;
      setProblem({
        message: notSavedMessage(
          done,
          fields.map((field) => JOB_FIELD_LABELS[field]),
        ),
        retry: false,
        tone: "error",
      });
      return;
    }
    toast.success(baseline ? `Changes to ${jobLabel(saved)} are saved.` : `${jobLabel(saved)} is created.`);
    guard.leave(`/jobs/${saved.uuid}`);
  }

  /** The form now starts from their version (clean), with this person's changes on top (dirty): Save sends only those. */
  function onConflict(current: JobDetail, mine: JobFormState, from: Baseline) {
    const theirs = jobToFormValues(current);
    const rows = describeJobConflict(from.values, mine, theirs);
    setBaseline({ job: current, values: theirs });
    reset(theirs);
    for (const row of rows) if (row.iChanged) setValue(row.field, mine[row.field], { shouldDirty: true });
    if (mine.use_customer_address) setValue("use_customer_address", true, { shouldDirty: true });
    // The picker shows their customer unless this person chose another one.
    if (!rows.some((row) => row.field === "customer_uuid" && row.iChanged) && current.customer) setCustomer(current.customer);
    setConflict(rows);
  }

  function onFailed(error: unknown, values: JobFormState) {
    const current = conflictingJob(error);
    if (current && baseline) {
      onConflict(current, values, baseline);
      return;
    }
    const failure = describeSaveFailure(error, setError, JOB_FIELDS);
    if (failure.showSummary) setShowSummary(true);
    if (failure.problem) setProblem(failure.problem);
  }

  async function save(values: JobFormState) {
    setProblem(null);
    setShowSummary(false);
    try {
      if (!baseline) {
        onSaved(await create.mutateAsync({ values, idempotencyKey: intentKey.keyFor(values) }), values);
        return;
      }
      const patch = buildJobPatch(baseline.values, values, baseline.job.updated_at ?? "");
      if (!patch) {
        setProblem({ message: "Nothing to save: nothing has been changed.", retry: false, tone: "info" });
        return;
      }
      onSaved(await update.mutateAsync({ uuid: baseline.job.uuid, patch, idempotencyKey: intentKey.keyFor([baseline.job.uuid, patch]) }), values);
    } catch (error) {
      onFailed(error, values);
    }
  }

  function onInvalid(errors: FieldErrors<JobFormState>) {
    setProblem(null);
    setShowSummary(Object.keys(errors).length > 0);
  }

  const submit = () => handleSubmit(save, onInvalid);
  const summary = showSummary
    ? JOB_FIELDS.flatMap((field) => {
        const message = formState.errors[field]?.message;
        return message ? [{ id: jobFieldId(field), label: JOB_FIELD_LABELS[field], message }] : [];
      })
    : [];
  const busy = formState.isSubmitting;
  const cancelHref = baseline ? `/jobs/${baseline.job.uuid}` : "/jobs";

  return (
    <FormProvider {...form}>
      <ReadyForm
        onSubmit={(event) => void submit()(event)}
        noValidate
        aria-label={baseline ? `Edit ${jobLabel(baseline.job)}` : "New job"}
        className="space-y-6"
      >
        {props.mode === "edit" && baseline && (
          <ChangedElsewhereNotice
            kind="job"
            recordId={baseline.job.uuid}
            onReview={async () => onConflict(await fetchJob(baseline.job.uuid), form.getValues(), baseline)}
          />
        )}
        {conflict && (
          <ConflictReview
            noun="job"
            rows={conflict}
            labels={JOB_FIELD_LABELS}
            formatValue={formatValue}
            applying={busy}
            onApply={() => void submit()()}
            onDiscard={() => {
              if (baseline) reset(baseline.values);
              if (baseline?.job.customer) setCustomer(baseline.job.customer);
              setConflict(null);
              setProblem(null);
            }}
          />
        )}
        <CustomerSection customer={customer} onCustomerChange={setCustomer} customerNotice={props.mode === "create" ? props.customerNotice : undefined} />
        <JobSection locations={locations.data ?? []} people={people} unknownAssigneeId={unknownAssigneeId} />
        <ScheduleSection />
        <MoneySection />
        <NotesSection />

        <ErrorSummary errors={summary} />
        <FormProblemNotice problem={problem} onRetry={() => void submit()()} />
        <FormSaveBar
          submitLabel={baseline ? "Save changes" : "Create job"}
          busy={busy}
          busyLabel="Saving…"
          cancelHref={cancelHref}
          fieldsNeedingAttention={summary.length}
          dirty={formState.isDirty}
        />
        {guard.dialog}
      </ReadyForm>
    </FormProvider>
  );
}
