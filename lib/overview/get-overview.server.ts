import "server-only";
import { ConfigurationError, crmConfig } from "@/lib/env.server";
import { lastCrmContact } from "@/lib/crm/crm-contact.server";
import { usageReport } from "@/lib/crm/usage-meter.server";
import { logEvent } from "@/lib/api/logger.server";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";
import { overviewFromMirror } from "@/lib/mirror/mirror-queries.server";
import type { MirrorJobRow, OverviewCountsFromMirror } from "@/lib/mirror/mirror-types";
import type { AgendaJob, CrmConnection, Overview, OverviewAgenda } from "@/lib/overview/overview-types";

/**
 * The overview, answered from the mirror at no CRM request (ADR-018): exact
 * counts of customers and jobs, and the day's lists for each of `days`: the
 * viewer's day when the browser told its time zone, else every day a viewer
 * can be in now, of which the browser shows its own (ADR-025).
 */
export async function getOverview([first, ...others]: [string, ...string[]]): Promise<Overview> {
  const [mirror, ...otherAgendas] = await Promise.all([overviewFromMirror({ day: first }), ...others.map(getOverviewAgenda)]);
  return {
    customers: mirror.customers,
    jobsByStatus: mirror.jobsByStatus,
    jobsTotal: mirror.jobsTotal,
    jobsDeleted: mirror.jobsDeleted,
    agendas: [agendaOf(mirror), ...otherAgendas],
    asOf: mirror.asOf,
  };
}

/** The day at a glance alone, for a day the browser names (its own calendar day). */
export async function getOverviewAgenda(day: string | null): Promise<OverviewAgenda> {
  if (!day) throw new MirrorQueryError({ field: "day", message: "day is required: the calendar day to list, written YYYY-MM-DD." });
  // overviewFromMirror checks the day itself: anything but YYYY-MM-DD is a MirrorQueryError (400 naming "day").
  return agendaOf(await overviewFromMirror({ day }));
}

function agendaOf(mirror: OverviewCountsFromMirror): OverviewAgenda {
  return {
    day: mirror.day,
    today: { jobs: mirror.today.map(toAgendaJob), total: mirror.totals.today },
    overdue: { jobs: mirror.overdue.map(toAgendaJob), total: mirror.totals.overdue },
    urgent: { jobs: mirror.urgent.map(toAgendaJob), total: mirror.totals.urgent },
    asOf: mirror.asOf,
  };
}

function toAgendaJob(row: MirrorJobRow): AgendaJob {
  return {
    uuid: row.uuid,
    jobNumber: row.job_number,
    title: row.title,
    status: row.status,
    priority: row.priority,
    isUrgent: row.is_urgent,
    isEmergency: row.is_emergency,
    scheduledDate: row.scheduled_date,
    timeStart: row.scheduled_time_start,
    timeEnd: row.scheduled_time_end,
    customerName: row.customer_name || "Unknown customer",
    assigneeName: row.assignee_name,
  };
}

/** The connection as this server last saw it, and the month's usage from the usage meter: no CRM request. */
export async function getCrmConnection(): Promise<CrmConnection> {
  let host: string | null = null;
  try {
    host = new URL(crmConfig().baseUrl).host;
  } catch (error) {
    if (error instanceof ConfigurationError) return { host, configurationError: error.message, lastContact: null, usage: null };
    throw error;
  }
  let usage: CrmConnection["usage"] = null;
  try {
    const report = await usageReport();
    usage = { used: report.used, limit: report.limit, exhausted: report.exhausted };
  } catch (error) {
    // The card says less; the overview itself does not depend on the meter.
    logEvent("error", "usage_report_failed", { message: error instanceof Error ? error.message : String(error) });
  }
  return { host, configurationError: null, lastContact: lastCrmContact(), usage };
}
