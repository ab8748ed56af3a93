import "server-only";
import { z } from "zod";
import { TRASH_TABS } from "@/lib/trash/trash-types";

const tab = z.enum(["customers", "jobs"], { message: "Use customers or jobs." }).transform((value) => TRASH_TABS[value]);

/** GET /api/trash: which tab, a search within it, which page. */
export const trashQuerySchema = z
  .object({
    tab,
    search: z.string().trim().max(100, "Use at most 100 characters.").default(""),
    page: z.coerce
      .number({ message: "Use a whole number from 1." })
      .int("Use a whole number from 1.")
      .min(1, "Use a whole number from 1.")
      .max(10_000, "Use at most 10000.")
      .default(1),
  })
  .strict();

/** GET /api/trash/scan: what a full scan of one tab would cost. */
export const scanEstimateQuerySchema = z.object({ tab }).strict();

/** POST /api/trash/scan: read one page of the CRM for deleted records, as part of a scan the browser drives. */
export const scanStepSchema = z
  .object({
    tab,
    scan_id: z.uuid({ message: "Use the scan's id (a UUID made when it started)." }),
    page: z
      .number({ message: "Use a whole number from 1." })
      .int("Use a whole number from 1.")
      .min(1, "Use a whole number from 1.")
      .max(100_000, "Use at most 100000."),
  })
  .strict();
