import "server-only";
import { z } from "zod";
import { TRASH_MAX_LIMIT, TRASH_PAGE_SIZE, TRASH_TABS } from "@/lib/trash/trash-types";

/** What GET /api/trash offers; anything else is a 400 naming these (lib/api/offered-params). */
export const TRASH_PARAMS = ["tab", "search", "page", "limit"] as const;

const tab = z.enum(["customers", "jobs"], { message: "Use customers or jobs." }).transform((value) => TRASH_TABS[value]);

const wholeNumber = (max: number) =>
  z.coerce
    .number({ message: `Use a whole number from 1 to ${max}.` })
    .int(`Use a whole number from 1 to ${max}.`)
    .min(1, `Use a whole number from 1 to ${max}.`)
    .max(max, `Use a whole number from 1 to ${max}.`);

/** GET /api/trash: which tab, a search within it, which page, how many rows. */
export const trashQuerySchema = z
  .object({
    tab,
    search: z.string().trim().max(100, "Use at most 100 characters.").default(""),
    page: wholeNumber(10_000).default(1),
    limit: wholeNumber(TRASH_MAX_LIMIT).default(TRASH_PAGE_SIZE),
  })
  .strict();
