"use client";

import { useState } from "react";
import { secondaryButtonClassName } from "@/components/ui/field";
import { useChangeBySomeoneElse } from "@/components/live/use-heard-change";
import type { LiveRecordKind } from "@/lib/events/live-event-types";
import { formatInZone } from "@/lib/time/moment-format";
import { useViewerTimeZone } from "@/lib/time/viewer-time-zone-context";

/**
 * Above an edit form: someone else just changed (or deleted) the record being
 * edited. Said before Save rather than after it fails; "Review their changes"
 * opens the form's own conflict review (the one a 409 shows), with this
 * person's typing kept on top of the newer record. Once reviewed, the notice
 * waits for the next change.
 */
export function ChangedElsewhereNotice({ kind, recordId, onReview }: { kind: LiveRecordKind; recordId: string; onReview: () => Promise<void> }) {
  const change = useChangeBySomeoneElse(kind, recordId);
  const timeZone = useViewerTimeZone();
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // The live region is there before its text, so a screen reader announces the text when it appears.
  if (!change || reviewed === change.id) return <div role="status" />;
  const at = formatInZone(change.at, timeZone, "dateTime").replace(/^.*, /, "");
  const deleted = change.action === "delete";
  const review = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await onReview();
      setReviewed(change.id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="flex-1">
        {deleted
          ? `${change.actor.name} deleted this ${kind} at ${at}. Saving will not bring it back; restore it from its page first.`
          : `${change.actor.name} changed this ${kind} at ${at} — review their changes before saving.`}
        {failed && " Their changes could not be read just now; try again."}
      </p>
      {!deleted && (
        <button type="button" className={secondaryButtonClassName} disabled={busy} onClick={() => void review()}>
          {busy ? "Reading their changes…" : "Review their changes"}
        </button>
      )}
    </div>
  );
}
