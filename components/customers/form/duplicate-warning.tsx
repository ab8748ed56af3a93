"use client";

import Link from "next/link";
import { AlertDialog, AlertDialogCancel } from "@/components/ui/alert-dialog";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { customerName } from "@/lib/customers/customer-format";
import type { DuplicateMatch } from "@/lib/customers/find-duplicates";

function reasonText(match: DuplicateMatch): string {
  const both = match.reasons.length === 2;
  return both ? "same phone and email" : match.reasons[0] === "phone" ? "same phone number" : "same email";
}

function contact(match: DuplicateMatch): string {
  return [match.customer.phone, match.customer.email].filter(Boolean).join(" · ");
}

/** Shown under the contact fields as soon as a phone or email that is already on file is entered. */
export function DuplicateNotice({ matches }: { matches: DuplicateMatch[] }) {
  if (matches.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        Possible duplicate: {matches.length === 1 ? "this customer may already be on file." : `${matches.length} customers on file share these details.`}
      </p>
      <ul className="mt-1 space-y-1">
        {matches.map((match) => (
          <li key={match.customer.uuid}>
            <Link href={`/customers/${match.customer.uuid}`} className="font-medium underline">
              {customerName(match.customer)}
            </Link>{" "}
            ({reasonText(match)}: {contact(match)})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Asked on Save while possible duplicates are unanswered: open the existing record, or create anyway. */
export function DuplicateDialog({
  matches,
  open,
  onOpenExisting,
  onCreateAnyway,
  onCancel,
}: {
  matches: DuplicateMatch[];
  open: boolean;
  onOpenExisting: (uuid: string) => void;
  onCreateAnyway: () => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onCancel();
      }}
      title="This customer may already be on file"
      description="A second record splits their history and jobs. Open the existing customer unless this really is someone else."
    >
      <ul className="space-y-3">
        {matches.map((match) => (
          <li key={match.customer.uuid} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3 text-sm">
            <span>
              <span className="font-medium">{customerName(match.customer)}</span>
              <span className="block text-slate-600">
                {reasonText(match)}: {contact(match)}
              </span>
            </span>
            <button
              type="button"
              className={primaryButtonClassName}
              onClick={() => onOpenExisting(match.customer.uuid)}
              aria-label={matches.length > 1 ? `Open existing customer ${customerName(match.customer)}` : undefined}
            >
              Open existing customer
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <AlertDialogCancel className={secondaryButtonClassName}>Back to the form</AlertDialogCancel>
        <button type="button" className={secondaryButtonClassName} onClick={onCreateAnyway}>
          Create anyway
        </button>
      </div>
    </AlertDialog>
  );
}
