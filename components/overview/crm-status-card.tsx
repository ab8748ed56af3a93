import type { OverviewCounts, OverviewFailure } from "@/lib/overview/overview-types";
import { describeCrmError } from "@/lib/errors/describe-crm-error";

export function CrmStatusCard({ overview }: { overview: OverviewCounts | OverviewFailure }) {
  if (overview.state === "ok") {
    return (
      <section aria-labelledby="crm-status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
        <h2 id="crm-status" className="flex items-center gap-2 font-medium text-emerald-900">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-emerald-600" />
          CRM connected
        </h2>
        <p className="mt-1 text-sm text-emerald-900">
          {overview.crmHost} answered in {overview.latencyMs} ms ({overview.crmRequests} requests for this overview).
        </p>
      </section>
    );
  }

  const explanation = overview.kind === "configuration" ? overview.message : describeCrmError(overview.kind);
  return (
    <section role="alert" aria-labelledby="crm-status" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 id="crm-status" className="flex items-center gap-2 font-medium text-red-900">
        <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-red-600" />
        CRM not available
      </h2>
      <p className="mt-1 text-sm text-red-900">{explanation}</p>
      {overview.crmHost && <p className="mt-1 text-xs text-red-800">CRM address: {overview.crmHost}</p>}
    </section>
  );
}
