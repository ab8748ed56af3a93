import type { Metadata } from "next";
import { CrmCheckPanel } from "@/components/crm/crm-check-panel";
import { AccessDenied } from "@/components/errors/access-denied";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { crmCheckState } from "@/lib/crm/compat/run-crm-check.server";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "CRM compatibility" };

/** What the company's CRM does where the dashboard made assumptions (ADR-019): the last self-check, and a read-only run now (admins). */
export default async function CrmCompatibilityPage() {
  const user = await requirePageUser();
  if (!can(user.role, "manage_sync")) return <AccessDenied what="the CRM compatibility check" />;
  const [state, timeZone] = await Promise.all([crmCheckState(), viewerTimeZone()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">CRM compatibility</h1>
        <p className="mt-1 text-sm text-slate-600">
          The dashboard was built from the CRM&apos;s published documentation. This check asks the company&apos;s CRM how it really behaves where the
          documentation leaves room, and says what the dashboard does about each difference.
        </p>
      </div>
      <CrmCheckPanel initial={state.last} readRequests={state.readRequests} timeZone={timeZone} />
    </div>
  );
}
