"use client";

import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import type { ListSource } from "@/lib/lists/list-source-types";

const WHY: Record<Exclude<ListSource, { from: "crm" }>["reason"], string | null> = {
  sort: null,
  filter: null,
  crm_unavailable: "The CRM isn't answering just now, so this list is Tradesdesk's copy of it.",
  usage_limit: "The CRM's requests for this month are used up, so this list is Tradesdesk's copy of it.",
};

/**
 * Above a list answered from the mirror (ADR-017): how fresh it is, with Sync
 * now for people who may start it, and why, when the CRM itself could not
 * answer. Nothing for a list the CRM answered.
 */
export function ListSourceNotice({ source, timeZone, canSync }: { source: ListSource | undefined; timeZone: string; canSync: boolean }) {
  if (!source || source.from === "crm") return null;
  const why = WHY[source.reason];
  return (
    <div className="space-y-1">
      {why && (
        <p role="status" className="text-sm font-medium text-amber-900">
          {why}
        </p>
      )}
      <MirrorFreshness asOf={source.asOf} timeZone={timeZone} canSync={canSync} />
    </div>
  );
}
