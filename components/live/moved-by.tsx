"use client";

import { useEffect, useState } from "react";
import { useChangeBySomeoneElse } from "@/components/live/use-heard-change";
import { ANY_RECORD, isMove } from "@/lib/events/live-event-types";

/** How long a card says who just moved it. */
export const MOVED_BY_MS = 8_000;

/**
 * On a board or schedule card: "Moved by Ana" for a few seconds after someone
 * else changed the job's status, technician, date or time window. Text, not
 * only a colour, so it reads the same to everyone.
 */
export function MovedBy({ jobUuid }: { jobUuid: string }) {
  const change = useChangeBySomeoneElse("job", jobUuid, MOVED_BY_MS);
  const moved = change && change.recordId !== ANY_RECORD && isMove(change) ? change : null;
  const [expired, setExpired] = useState<string | null>(null);
  useEffect(() => {
    if (!moved) return;
    const timer = setTimeout(() => setExpired(moved.id), Math.max(0, moved.heardAt + MOVED_BY_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [moved]);
  if (!moved || expired === moved.id) return null;
  return (
    <p className="mt-1 rounded bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-900" data-testid="moved-by">
      Moved by {moved.actor.name}
    </p>
  );
}
