import { formResolver } from "@/lib/forms/form-resolver";
import { changedJobFields } from "@/lib/jobs/job-changes";
import { checkJobRules } from "@/lib/jobs/job-fields";
import { jobInputSchema, type JobFormState } from "@/lib/jobs/job-schema";

/**
 * The job form's validation (lib/forms/form-resolver.ts); `getBase` gives the
 * job as the edit started from, so a job another integration stored with odd
 * data can still be moved to another day.
 */
export const jobFormResolver = formResolver<JobFormState>(jobInputSchema, changedJobFields, checkJobRules);
