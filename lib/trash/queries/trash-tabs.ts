import type { TrashResource } from "@/lib/trash/trash-types";

/** The API's name for each kind of record in the trash (its tab, and its route). */
export const TAB_OF: Record<TrashResource, "customers" | "jobs"> = { customer: "customers", job: "jobs" };
