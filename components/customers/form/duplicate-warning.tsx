"use client";

import Link from "next/link";
import { AlertDialog, AlertDialogCancel } from "@/components/ui/alert-dialog";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import type { PossibleDuplicate } from "@/lib/customers/duplicate-types";
import type { DuplicateAnswer } from "@/lib/customers/queries/duplicate-question";

function reasonText(match: PossibleDuplicate): string {
  const words = match.reasons.map((reason) => (reason === "phone" ? "phone number" : reason === "email" ? "email" : "name and street address"));
  return `same ${words.join(" and ")}`;
}

function contact(match: PossibleDuplicate): string {
  return [match.phone, match.email].filter(Boolean).join(" · ");
}

/** Shown under the contact fields as soon as a phone or email that is already on file is entered. */
export function DuplicateNotice({ matches }: { matches: PossibleDuplicate[] }) {
  if (matches.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        Possible duplicate: {matches.length === 1 ? "this customer may already be on file." : `${matches.length} customers on file share these details.`}
      </p>
      <ul className="mt-1 space-y-1">
        {matches.map((match) => (
          <li key={match.uuid}>
            <Link href={match.link} className="font-medium underline">
              {match.name}
            </Link>{" "}
            ({reasonText(match)}
            {contact(match) ? `: ${contact(match)}` : ""})
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Asked when the server refused a save as a possible duplicate, or could not
 * check: open an existing record, or save anyway (the request is sent again
 * with `confirm_duplicate: true`, and the audit log says so).
 */
export function DuplicateDialog({
  question,
  editing,
  onOpenExisting,
  onSaveAnyway,
  onCancel,
}: {
  question: DuplicateAnswer | null;
  editing: boolean;
  onOpenExisting: (match: PossibleDuplicate) => void;
  onSaveAnyway: () => void;
  onCancel: () => void;
}) {
  const anyway = editing ? "Save anyway" : "Create anyway";
  const unchecked = question?.kind === "unchecked";
  return (
    <AlertDialog
      open={question !== null}
      onOpenChange={(next) => {
        if (!next) onCancel();
      }}
      title={unchecked ? "Duplicates could not be checked" : editing ? "These details belong to another customer" : "This customer may already be on file"}
      description={
        unchecked
          ? "Nothing is saved yet. Save only if you are sure this does not make a second record of someone on file."
          : "A second record splits their history and jobs. Open the existing customer unless this really is someone else."
      }
    >
      {question?.kind === "unchecked" && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {question.message}
        </p>
      )}
      {question?.kind === "matches" && (
        <ul className="space-y-3">
          {question.matches.map((match) => (
            <li key={match.uuid} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3 text-sm">
              <span>
                <span className="font-medium">{match.name}</span>
                <span className="block text-slate-600">
                  {reasonText(match)}
                  {contact(match) ? `: ${contact(match)}` : ""}
                </span>
              </span>
              <button
                type="button"
                className={primaryButtonClassName}
                onClick={() => onOpenExisting(match)}
                aria-label={question.matches.length > 1 ? `Open existing customer ${match.name}` : undefined}
              >
                Open existing customer
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <AlertDialogCancel className={secondaryButtonClassName}>Back to the form</AlertDialogCancel>
        <button type="button" className={secondaryButtonClassName} onClick={onSaveAnyway}>
          {anyway}
        </button>
      </div>
    </AlertDialog>
  );
}
