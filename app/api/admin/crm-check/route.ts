import { defineRoute, json } from "@/lib/api/define-route.server";
import { crmCheckState, runReadOnlyCrmCheck } from "@/lib/crm/compat/run-crm-check.server";

/** The CRM compatibility page's data: the last self-check, and whether one is running (admins: the CRM connection is theirs to manage). */
export const GET = defineRoute("manage_sync", async () => json(await crmCheckState()));

/** Runs the read-only self-check now against the configured CRM and keeps its result; 409 while one runs. */
export const POST = defineRoute("manage_sync", async ({ user }) => json(await runReadOnlyCrmCheck({ email: user.email })));
