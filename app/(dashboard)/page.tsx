import { headers } from "next/headers";
import { getCrmConnection, getOverview } from "@/lib/overview/get-overview.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { CrmStatusCard } from "@/components/overview/crm-status-card";
import { CustomerCounts } from "@/components/overview/customer-counts";
import { DayAtAGlance } from "@/components/overview/day-at-a-glance";
import { JobsByStatus } from "@/components/overview/jobs-by-status";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { OwnDayScript } from "@/components/overview/own-day-script";
import { possibleDays } from "@/lib/time/viewer-time-zone";
import { viewerTimeZone, viewerToday } from "@/lib/time/viewer-today.server";

/**
 * The overview: every number and list from the mirror, so a view costs no CRM
 * request (ADR-018), with the mirror's age on screen. Rendered per request for
 * a signed-in person, never at build time.
 */
export default async function OverviewPage() {
  const user = await requirePageUser();
  const [today, timeZone] = await Promise.all([viewerToday(), viewerTimeZone()]);
  // Without the viewer's day, the lists of every day they can be in: the browser shows its own before the first paint (ADR-025).
  const days = today === null ? possibleDays() : ([today] as [string]);
  const [overview, connection, requestHeaders] = await Promise.all([getOverview(days), getCrmConnection(), headers()]);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600">The day at a glance, and your company&apos;s customers and jobs.</p>
        <MirrorFreshness asOf={overview.asOf} timeZone={timeZone} canSync={can(user.role, "write")} />
      </div>
      <CrmStatusCard connection={connection} timeZone={timeZone} />
      <DayAtAGlance agendas={overview.agendas} />
      {overview.agendas.length > 1 && <OwnDayScript nonce={requestHeaders.get("x-nonce") ?? undefined} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <CustomerCounts counts={overview.customers} />
        <JobsByStatus entries={overview.jobsByStatus} total={overview.jobsTotal} deleted={overview.jobsDeleted} />
      </div>
    </div>
  );
}
