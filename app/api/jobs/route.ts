import { crmJson, withNotSaved } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key.server";
import { parseWith, readJsonBody } from "@/lib/api/read-body.server";
import { jobListFiltersSchema } from "@/lib/jobs/job-list-filters";
import { jobInputSchema } from "@/lib/jobs/job-schema";
import { createJobFromInput } from "@/lib/jobs/job-service.server";
import { listJobsFor } from "@/lib/jobs/list-jobs.server";

export const GET = defineRoute("read", async ({ request }) => {
  const filters = parseWith(jobListFiltersSchema, Object.fromEntries(new URL(request.url).searchParams));
  const result = await listJobsFor(filters);
  return crmJson(result, result.data);
});

export const POST = defineRoute("write", async ({ request, requestId, user }) => {
  const key = idempotencyKeyFor(request, user, "create-job");
  const input = await readJsonBody(request, jobInputSchema);
  const result = await createJobFromInput(input, key, { user, requestId });
  return crmJson(result, withNotSaved(result, result.data), { status: 201 });
});
