import { getCrmConnection, getOverview } from "@/lib/overview/get-overview.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { CrmStatusCard } from "@/components/overview/crm-status-card";
import { CustomerCounts } from "@/components/overview/customer-counts";
import { DayAtAGlance } from "@/components/overview/day-at-a-glance";
import { JobsByStatus } from "@/components/overview/jobs-by-status";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { viewerTimeZone, viewerToday } from "@/lib/time/viewer-today.server";

/**
 * The overview: every number and list from the mirror, so a view costs no CRM
 * request (ADR-018), with the mirror's age on screen. Rendered per request for
 * a signed-in person, never at build time.
 */
export default async function OverviewPage() {
  const user = await requirePageUser();
  const [today, timeZone] = await Promise.all([viewerToday(), viewerTimeZone()]);
  const [overview, connection] = await Promise.all([getOverview(today), getCrmConnection()]);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600">The day at a glance, and your company&apos;s customers and jobs.</p>
        <MirrorFreshness asOf={overview.asOf} timeZone={timeZone} canSync={can(user.role, "write")} />
      </div>
      <CrmStatusCard connection={connection} timeZone={timeZone} />
      <DayAtAGlance agenda={overview.agenda} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <CustomerCounts counts={overview.customers} />
        <JobsByStatus entries={overview.jobsByStatus} total={overview.jobsTotal} deleted={overview.jobsDeleted} />
      </div>
    </div>
  );
}
