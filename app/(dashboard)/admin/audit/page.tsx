import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { AccessDenied } from "@/components/errors/access-denied";
import { inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { auditFiltersSchema, queryAuditLog, type AuditFilters } from "@/lib/audit/audit-query.server";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Audit log" };

/** Filters live in the URL (a plain GET form), so a filtered view can be bookmarked and shared. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  if (!can(user.role, "read_audit")) return <AccessDenied what="the audit log" />;
  const raw = await searchParams;
  const filters = auditFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined])),
  );
  const [{ rows, hasMore }, timeZone] = await Promise.all([queryAuditLog(filters), viewerTimeZone()]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Every change made through Tradesdesk, who made it and whether the CRM accepted it. Newest first.</p>
      </div>

      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_1fr_auto]"
        aria-label="Filter the audit log"
      >
        <div>
          <label htmlFor="filter-actor" className="block text-sm font-medium">
            Person (email)
          </label>
          <input id="filter-actor" name="actor" defaultValue={filters.actor ?? ""} className={inputClassName} />
        </div>
        <div>
          <label htmlFor="filter-action" className="block text-sm font-medium">
            Action
          </label>
          <select id="filter-action" name="action" defaultValue={filters.action ?? ""} className={inputClassName}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action.value} value={action.value}>
                {action.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-resource" className="block text-sm font-medium">
            Record type
          </label>
          <select id="filter-resource" name="resource" defaultValue={filters.resource ?? ""} className={inputClassName}>
            <option value="">Any record</option>
            <option value="customer">Customer</option>
            <option value="job">Job</option>
            <option value="user">User</option>
            <option value="session">Sign-in</option>
            <option value="setting">Setting</option>
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={primaryButtonClassName}>
            Filter
          </button>
          <Link href="/admin/audit" className={secondaryButtonClassName}>
            Clear
          </Link>
        </div>
      </form>

      <AuditTable rows={rows} timeZone={timeZone} />

      <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm">
        {filters.page > 1 ? (
          <Link className={secondaryButtonClassName} href={pageHref(filters, filters.page - 1)}>
            Newer
          </Link>
        ) : (
          <span />
        )}
        <span className="text-slate-600">Page {filters.page}</span>
        {hasMore ? (
          <Link className={secondaryButtonClassName} href={pageHref(filters, filters.page + 1)}>
            Older
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}

function pageHref(filters: AuditFilters, page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return `/admin/audit?${params.toString()}`;
}
