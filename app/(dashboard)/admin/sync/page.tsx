import type { Metadata } from "next";
import { AccessDenied } from "@/components/errors/access-denied";
import { SyncPanel } from "@/components/sync/sync-panel";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { getSyncStatus } from "@/lib/mirror/sync-service.server";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Data sync" };

/** The CRM mirror's sync: what it holds, what it spends, how fresh it is, and its controls (admins). */
export default async function SyncPage() {
  const user = await requirePageUser();
  if (!can(user.role, "manage_sync")) return <AccessDenied what="the data sync settings" />;
  const [status, timeZone] = await Promise.all([getSyncStatus(), viewerTimeZone()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Data sync</h1>
        <p className="mt-1 text-sm text-slate-600">
          Tradesdesk keeps a copy of the company&apos;s customers, jobs and locations from the CRM, so it can sort, filter and search by address, which the CRM
          cannot. Keeping it fresh spends CRM requests from the monthly plan, within the budget set here.
        </p>
      </div>
      <SyncPanel initialStatus={status} timeZone={timeZone} />
    </div>
  );
}
