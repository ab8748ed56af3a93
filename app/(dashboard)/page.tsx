import { getOverview } from "@/lib/overview/get-overview.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { CrmStatusCard } from "@/components/overview/crm-status-card";
import { CustomerCounts } from "@/components/overview/customer-counts";
import { DayAtAGlance } from "@/components/overview/day-at-a-glance";
import { JobsByStatus } from "@/components/overview/jobs-by-status";
import { viewerToday } from "@/lib/time/viewer-today.server";

export default async function OverviewPage() {
  // Counts are live CRM data for a signed-in person: rendered per request, never at build time.
  const user = await requirePageUser();
  const [overview, today] = await Promise.all([runAsRequester(user, () => getOverview()), viewerToday()]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">The day at a glance, and your company&apos;s customers and jobs in the CRM, as of now.</p>
      </div>
      <CrmStatusCard overview={overview} />
      {overview.state === "ok" && <DayAtAGlance agenda={overview.agenda} serverToday={today} />}
      {overview.state === "ok" && (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <CustomerCounts counts={overview.customers} />
          <JobsByStatus entries={overview.jobsByStatus} total={overview.jobsTotal} />
        </div>
      )}
    </div>
  );
}
