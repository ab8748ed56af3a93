import { z } from "zod";

/** The bodies the sync routes take; shared by the page's form and the routes. */
export const syncSettingsSchema = z
  .object({
    /** The share of the plan's monthly requests sync may spend, in percent. */
    budget_percent: z
      .number({ error: "Enter the share as a whole number of percent" })
      .int("Enter the share as a whole number of percent")
      .min(1, "Give sync at least 1% of the plan")
      .max(100, "The share can be at most 100%")
      .optional(),
    paused: z.boolean({ error: "paused is true or false" }).optional(),
  })
  .strict()
  .refine((value) => value.budget_percent !== undefined || value.paused !== undefined, { message: "Send budget_percent or paused", path: ["budget_percent"] });
export type SyncSettingsInput = z.infer<typeof syncSettingsSchema>;
