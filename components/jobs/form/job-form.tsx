"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { toast } from "sonner";
import { ConflictPanel } from "@/components/jobs/form/conflict-panel";
import { CustomerSection, JobSection, MoneySection, NotesSection, ScheduleSection } from "@/components/jobs/form/job-form-sections";
import { UnsavedChangesDialog } from "@/components/jobs/form/unsaved-changes-dialog";
import { useIntentKey } from "@/components/jobs/form/use-intent-key";
import { customerDisplayName } from "@/components/jobs/customer-picker";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { useUnsavedChangesGuard } from "@/lib/forms/use-unsaved-changes-guard";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { assigneeLabelFor, mergeAssignees } from "@/lib/jobs/assignees";
import { createJob } from "@/lib/jobs/api/create-job";
import { useJobAssignees } from "@/lib/jobs/api/get-job-assignees";
import { useLocations } from "@/lib/jobs/api/get-locations";
import { jobKeys } from "@/lib/jobs/api/job-query-keys";
import { updateJob } from "@/lib/jobs/api/update-job";
import { buildJobPatch, describeJobConflict, reapplyJobChanges } from "@/lib/jobs/job-changes";
import { JOB_FIELDS, type JobField } from "@/lib/jobs/job-fields";
import { jobLabel } from "@/lib/jobs/job-format";
import { jobFormResolver } from "@/lib/jobs/job-form-resolver";
import { jobFormDefaults, jobToFormValues, type JobFormState } from "@/lib/jobs/job-schema";
import type { CustomerRecord, JobDetail } from "@/lib/jobs/job-types";

export type JobFormProps =
  | { mode: "create"; initialCustomer: CustomerRecord | null; customerNotice?: string | undefined }
  | { mode: "edit"; job: JobDetail };

interface Conflict {
  current: JobDetail;
  mine: JobFormState;
}

/** What an edit starts from: the job's values and updated_at, both replaced after a conflict. */
interface Baseline {
  values: JobFormState;
  updatedAt: string;
}

/**
 * Create or edit a job. Validation is the shared schema's, shown on each
 * field when it is left and on Save; the server's answer is mapped onto the
 * same fields. Whatever fails, the typed values stay.
 */
export function JobForm(props: JobFormProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const editing = props.mode === "edit" ? props.job : null;
  const initialBase = useMemo<JobFormState>(
    () => (editing ? jobToFormValues(editing) : { ...jobFormDefaults, customer_uuid: props.mode === "create" ? (props.initialCustomer?.uuid ?? "") : "" }),
    // The form's starting point is fixed at mount; later changes come through conflicts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [baseline, setBaseline] = useState<Baseline>({ values: initialBase, updatedAt: editing?.updated_at ?? "" });
  const [customer, setCustomer] = useState<CustomerRecord | null>(editing ? editing.customer : props.mode === "create" ? props.initialCustomer : null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { keyFor, forget } = useIntentKey();

  const form = useForm<JobFormState, unknown, JobFormState>({
    // React Hook Form takes the resolver from each render, so it always compares with the current baseline.
    resolver: jobFormResolver(editing ? () => baseline.values : undefined),
    defaultValues: initialBase,
    mode: "onTouched",
  });
  const { handleSubmit, reset, setValue, setError, formState } = form;
  const guard = useUnsavedChangesGuard(formState.isDirty);

  const locations = useLocations();
  const assignees = useJobAssignees();
  const people = mergeAssignees(assignees.data ?? [], [editing?.assigned_user ?? null]);
  const currentAssignee = useWatch({ control: form.control, name: "assigned_to_user_id" });
  const unknownAssigneeId = currentAssignee && !people.some((person) => person.id === currentAssignee) ? currentAssignee : null;

  function formatValue(field: JobField, value: unknown): string {
    if (value === null || value === undefined || value === "") return "(empty)";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (field === "location_uuid") return locations.data?.find((location) => location.uuid === value)?.name ?? "Unknown location";
    if (field === "assigned_to_user_id") return assigneeLabelFor(String(value), people);
    if (field === "customer_uuid") return customer?.uuid === value ? customerDisplayName(customer) : conflict?.current.customer?.uuid === value ? customerDisplayName(conflict.current.customer) : "Another customer";
    return String(value);
  }

  async function save(values: JobFormState, from: Baseline = baseline) {
    setFormError(null);
    try {
      const saved = editing ? await saveChanges(editing, values, from) : await createJob(values, keyFor(values));
      if (!saved) return;
      forget();
      guard.allowLeaving();
      queryClient.setQueryData(jobKeys.detail(saved.uuid), saved);
      await queryClient.invalidateQueries({ queryKey: jobKeys.all, refetchType: "none" });
      toast.success(editing ? `Saved ${jobLabel(saved)}.` : `Created ${jobLabel(saved)}.`);
      router.push(`/jobs/${saved.uuid}`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409 && editing && error.current) {
        setConflict({ current: error.current as JobDetail, mine: values });
        return;
      }
      setFormError(applyServerErrors(error, setError, JOB_FIELDS));
    }
  }

  async function saveChanges(job: JobDetail, values: JobFormState, from: Baseline): Promise<JobDetail | null> {
    const patch = buildJobPatch(from.values, values, from.updatedAt);
    if (!patch) {
      guard.allowLeaving();
      toast.info("Nothing changed, so there was nothing to save.");
      router.push(`/jobs/${job.uuid}`);
      return null;
    }
    return updateJob(job.uuid, patch, keyFor([job.uuid, patch]));
  }

  /** Takes the job as it is now as the new starting point, optionally with this person's changes on top. */
  function rebase(current: JobDetail, mine: JobFormState | null): Baseline {
    const next: Baseline = { values: jobToFormValues(current), updatedAt: current.updated_at ?? "" };
    const merged = mine ? reapplyJobChanges(baseline.values, mine, next.values) : next.values;
    setBaseline(next);
    if (mine === null && current.customer) setCustomer(current.customer);
    reset(next.values);
    for (const field of JOB_FIELDS) {
      if (merged[field] !== next.values[field]) setValue(field, merged[field], { shouldDirty: true });
    }
    setConflict(null);
    return next;
  }

  function onInvalid(errors: FieldErrors<JobFormState>) {
    const count = Object.keys(errors).length;
    setFormError(count === 1 ? "One field needs attention." : `${count} fields need attention.`);
  }

  const busy = formState.isSubmitting;
  const cancelHref = editing ? `/jobs/${editing.uuid}` : "/jobs";

  return (
    <FormProvider {...form}>
      <form onSubmit={handleSubmit((values) => save(values), onInvalid)} noValidate aria-label={editing ? `Edit ${jobLabel(editing)}` : "New job"} className="space-y-4">
        {conflict && (
          <ConflictPanel
            rows={describeJobConflict(baseline.values, conflict.mine, jobToFormValues(conflict.current))}
            formatValue={formatValue}
            busy={busy}
            onApplyMine={() => {
              const next = rebase(conflict.current, conflict.mine);
              // This render's state still holds the old baseline: hand the new one over directly.
              void handleSubmit((values) => save(values, next), onInvalid)();
            }}
            onDiscardMine={() => rebase(conflict.current, null)}
          />
        )}
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {formError}
          </p>
        )}
        <CustomerSection customer={customer} onCustomerChange={setCustomer} customerNotice={props.mode === "create" ? props.customerNotice : undefined} />
        <JobSection locations={locations.data ?? []} people={people} unknownAssigneeId={unknownAssigneeId} />
        <ScheduleSection />
        <MoneySection />
        <NotesSection />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy || conflict !== null} className={primaryButtonClassName}>
            {busy ? "Saving…" : editing ? "Save changes" : "Create job"}
          </button>
          <Link href={cancelHref} className={secondaryButtonClassName}>
            Cancel
          </Link>
          {conflict && <span className="text-sm text-slate-600">Choose above how to go on.</span>}
        </div>
      </form>
      <UnsavedChangesDialog open={guard.pendingHref !== null} onStay={guard.stay} onLeave={guard.leave} />
    </FormProvider>
  );
}
