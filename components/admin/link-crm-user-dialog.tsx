"use client";

import { useState } from "react";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { ReadyForm } from "@/components/forms/ready-form";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { assigneeLabel } from "@/lib/jobs/assignees";
import type { Assignee } from "@/lib/jobs/job-types";
import { useLinkCrmUser } from "@/lib/users/queries/update-user";
import type { ManagedUser } from "@/lib/users/user-types";

const OTHER = "__other__";
const ID_HINT = "From the CRM's user settings, like 123e4567-e89b-12d3-a456-426614174000.";

/**
 * Links a dashboard account to the CRM user jobs are assigned to, so the
 * person is in the assignee lists before any job of theirs has been seen. The
 * CRM has no users endpoint: the choices are the people seen on recent jobs,
 * or an id typed from the CRM's own settings.
 */
export function LinkCrmUserDialog({
  user,
  people,
  onClose,
  onSaved,
}: {
  user: ManagedUser | null;
  people: readonly Assignee[];
  onClose: () => void;
  onSaved: (user: ManagedUser, message: string) => void;
}) {
  const known = people.some((person) => person.id === user?.crmUserId);
  const [choice, setChoice] = useState<string>(user?.crmUserId ? (known ? user.crmUserId : OTHER) : "");
  const [typed, setTyped] = useState(user?.crmUserId && !known ? user.crmUserId : "");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = useLinkCrmUser();

  async function save(crmUserId: string | null) {
    if (!user) return;
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    try {
      const saved = await link.mutateAsync({ id: user.id, crmUserId });
      onSaved(saved, crmUserId ? `${saved.name} is linked to a CRM user and can be assigned jobs.` : `${saved.name} is no longer linked to a CRM user.`);
      onClose();
    } catch (error) {
      const message = error instanceof ApiRequestError ? (error.fields.crm_user_id ?? null) : null;
      if (message) setFieldError(message);
      else setFormError(error instanceof Error ? error.message : "The link could not be saved.");
    } finally {
      setBusy(false);
    }
  }

  const idField = choice === OTHER;
  const chosen = idField ? typed.trim() : choice;

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`CRM user for ${user?.name ?? ""}`}
      description="Jobs in the CRM are assigned to its users. Link this person to theirs."
    >
      <ReadyForm
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) {
            setFieldError(idField ? "Enter the CRM user's id." : "Choose a person.");
            return;
          }
          void save(chosen);
        }}
      >
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {formError}
          </p>
        )}
        <Field id="crm-user-choice" label="CRM user" error={!idField ? (fieldError ?? undefined) : undefined}>
          <select
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value);
              setFieldError(null);
            }}
            className={inputClassName}
            {...fieldAria("crm-user-choice", !idField ? (fieldError ?? undefined) : undefined)}
          >
            <option value="">Choose a person seen on jobs…</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {assigneeLabel(person)}
              </option>
            ))}
            <option value={OTHER}>Someone on no recent job: enter their id</option>
          </select>
        </Field>
        {idField && (
          <Field id="crm-user-id" label="CRM user id" hint={ID_HINT} error={fieldError ?? undefined}>
            <input
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setFieldError(null);
              }}
              autoComplete="off"
              spellCheck={false}
              className={`${inputClassName} font-mono`}
              {...fieldAria("crm-user-id", fieldError ?? undefined, ID_HINT)}
            />
          </Field>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          {user?.crmUserId && (
            <button type="button" className={`${secondaryButtonClassName} mr-auto`} disabled={busy} onClick={() => void save(null)}>
              Unlink
            </button>
          )}
          <DialogClose className={secondaryButtonClassName}>Cancel</DialogClose>
          <button type="submit" className={primaryButtonClassName} disabled={busy}>
            {busy ? "Saving…" : "Link"}
          </button>
        </div>
      </ReadyForm>
    </Dialog>
  );
}
