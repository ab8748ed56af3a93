import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/**
 * Where a list page came from, in every customer and job list answer
 * (ADR-017): the CRM itself, or the dashboard's mirror of it, either because
 * the list needs what only the mirror can do (a sort, a filter the CRM lacks)
 * or because the CRM could not answer (down, or the month's requests used
 * up). A mirror answer carries its age; the screen shows it.
 */
export type ListSource =
  | { from: "crm" }
  | {
      from: "mirror";
      reason: MirrorListReason;
      asOf: MirrorAsOf;
    };

export type MirrorListReason = "sort" | "filter" | "crm_unavailable" | "usage_limit";
