"use client";

import { useEffect, useRef } from "react";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import type { ConflictRow } from "@/lib/forms/form-changes";

/**
 * After a 409: what someone else changed since the form was opened, field by
 * field beside what this person typed, and the way forward. Both features'
 * forms already show the record as it is now with this person's changes laid
 * on top; "Apply my changes again" saves exactly that. The heading takes the
 * focus when the review appears, so a screen reader announces it.
 */
export function ConflictReview<Field extends string>({
  noun,
  rows,
  labels,
  formatValue,
  changedBy,
  onApply,
  onDiscard,
  applying,
}: {
  /** "customer", "job": what was changed. */
  noun: string;
  rows: readonly ConflictRow<Field>[];
  labels: Record<Field, string>;
  formatValue: (field: Field, value: unknown) => string;
  /** When, if known: "at 2:31 PM". */
  changedBy?: string | undefined;
  onApply: () => void;
  onDiscard: () => void;
  applying: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const mine = rows.filter((row) => row.iChanged);
  const pending = mine.filter((row) => row.clash || !row.theyChanged);
  const clashes = rows.filter((row) => row.clash).length;
  return (
    <section aria-labelledby="conflict-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-base font-semibold">
        Someone else changed this {noun} while you were editing
      </h2>
      <p>
        The record was saved by someone else{changedBy ? ` ${changedBy}` : ""}. Nothing of yours was saved yet, and nothing you typed is lost.{" "}
        {clashes > 0
          ? `You both changed ${clashes === 1 ? "one field" : `${clashes} fields`} (marked below): applying your changes replaces their value there.`
          : "Your changes and theirs are in different fields, so both can be kept."}
      </p>
      <div className="overflow-x-auto rounded-md border border-amber-200 bg-white">
        <table className="w-full min-w-[32rem] text-left">
          <caption className="sr-only">Changes made by someone else and by you</caption>
          <thead className="bg-amber-100/60">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Field
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Now in the CRM
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Your value
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={`border-t border-amber-100 align-top ${row.clash ? "bg-red-50" : ""}`}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {labels[row.field]}
                  {row.clash && <span className="block text-xs font-normal text-red-800">Both changed</span>}
                </th>
                <td className="px-3 py-2">
                  {formatValue(row.field, row.current)}
                  {row.theyChanged && <span className="block text-xs text-slate-600">was {formatValue(row.field, row.before)}</span>}
                </td>
                <td className="px-3 py-2">{row.iChanged ? formatValue(row.field, row.mine) : <span className="text-slate-500">unchanged</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        {pending.length > 0 ? (
          <button type="button" className={primaryButtonClassName} onClick={onApply} disabled={applying}>
            {applying ? "Saving…" : "Apply my changes again"}
          </button>
        ) : (
          <p className="self-center">Your changes are already in the record: there is nothing left to apply.</p>
        )}
        <button type="button" className={secondaryButtonClassName} onClick={onDiscard} disabled={applying}>
          {pending.length > 0 ? "Discard my changes" : "Close"}
        </button>
      </div>
    </section>
  );
}
