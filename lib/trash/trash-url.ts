import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";

/** The trash view in the URL (/trash?tab=jobs&search=boiler&page=2): bookmarkable, and Back returns to the previous view. */
export const trashUrlParsers = {
  tab: parseAsStringLiteral(["customers", "jobs"] as const).withDefault("customers"),
  search: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
};
export type TrashUrlState = inferParserType<typeof trashUrlParsers>;

export const loadTrashUrl = createLoader(trashUrlParsers);

export interface TrashQuery {
  tab: "customers" | "jobs";
  search: string;
  page: number;
}

export function toTrashQuery(state: TrashUrlState): TrashQuery {
  return {
    tab: state.tab,
    search: state.search.trim().replace(/\s+/g, " ").slice(0, 100),
    page: Number.isSafeInteger(state.page) && state.page >= 1 ? Math.min(state.page, 10_000) : 1,
  };
}

/** Where a deleted record's own page sends people to find it in the trash. */
export function trashHrefFor(resource: "customer" | "job", search: string): string {
  const params = new URLSearchParams({ tab: resource === "customer" ? "customers" : "jobs", search });
  return `/trash?${params.toString()}`;
}
