import type { UsageReport } from "@/lib/crm/usage-types";

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * Tells everyone when the company's CRM allowance is running out (80%) or
 * gone, in plain words, before the CRM starts refusing changes.
 */
export function UsageBanner({ usage }: { usage: UsageReport }) {
  if (!usage.warning) return null;
  const used = `${numberFormat.format(usage.used)} of ${numberFormat.format(usage.limit)}`;
  return (
    <div role="status" className={usage.exhausted ? "border-b border-red-200 bg-red-50" : "border-b border-amber-200 bg-amber-50"}>
      <p className={`mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6 lg:px-8 ${usage.exhausted ? "text-red-900" : "text-amber-900"}`}>
        {usage.exhausted ? (
          <>
            <strong>This month&apos;s CRM allowance is used up</strong> ({used} requests). Changes cannot be saved until the month ends or more usage is bought;
            lists show the last data seen and may be out of date.
          </>
        ) : (
          <>
            <strong>{usage.percent_used}% of this month&apos;s CRM allowance is used</strong> ({used} requests; on course for{" "}
            {numberFormat.format(usage.projected)}). Tell an administrator if the month is far from over.
          </>
        )}
      </p>
    </div>
  );
}
