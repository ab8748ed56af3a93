import type { TrashQuery } from "@/lib/trash/trash-url";

/** Query keys of the trash: everything under ["trash"], so a delete or restore marks it all stale at once. */
export const trashKeys = {
  all: ["trash"] as const,
  page: (query: TrashQuery) => ["trash", "page", query] as const,
};
