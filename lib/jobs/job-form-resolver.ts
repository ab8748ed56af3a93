import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { changedJobFields } from "@/lib/jobs/job-changes";
import { checkJobRules } from "@/lib/jobs/job-fields";
import { jobInputSchema, type JobFormState } from "@/lib/jobs/job-schema";

/**
 * The job form's validation: the shared schema, run on the values as typed
 * ("raw": the form sends what was typed, and the server parses it with the
 * same schema, so nothing is transformed twice).
 *
 * Editing follows the server's partial-update rule: only errors on fields the
 * person changed, or from a scheduling rule reading one of them, block the
 * save, so a job another integration stored with odd data can still be moved
 * to another day.
 */
const fullResolver = zodResolver(jobInputSchema, undefined, { raw: true }) as unknown as Resolver<JobFormState, unknown, JobFormState>;

export function jobFormResolver(getBase?: () => JobFormState): Resolver<JobFormState, unknown, JobFormState> {
  if (!getBase) return fullResolver;
  return async (values, context, options) => {
    const result = await fullResolver(values, context, options);
    const errors = result.errors as FieldErrors<JobFormState>;
    if (Object.keys(errors).length === 0) return result;
    const changed = changedJobFields(getBase(), values);
    const relevant = new Set<string>([...changed, ...Object.keys(checkJobRules(values, changed))]);
    const kept = Object.fromEntries(Object.entries(errors).filter(([field]) => relevant.has(field))) as FieldErrors<JobFormState>;
    return Object.keys(kept).length > 0 ? { values: {}, errors: kept } : { values, errors: {} };
  };
}
