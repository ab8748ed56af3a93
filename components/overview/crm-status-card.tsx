import { describeCrmError } from "@/lib/errors/describe-crm-error";
import type { CrmConnection } from "@/lib/overview/overview-types";

const numberFormat = new Intl.NumberFormat("en-US");

function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

type Tone = "ok" | "problem" | "unknown";

const TONES: Record<Tone, { box: string; text: string; dot: string }> = {
  ok: { box: "border-emerald-200 bg-emerald-50", text: "text-emerald-900", dot: "bg-emerald-600" },
  problem: { box: "border-red-200 bg-red-50", text: "text-red-900", dot: "bg-red-600" },
  unknown: { box: "border-slate-200 bg-white", text: "text-slate-800", dot: "bg-slate-400" },
};

/**
 * The CRM connection as this server last saw it. The overview itself asks the
 * CRM nothing, so the card says when the CRM last answered (or failed) and
 * the month's usage as the dashboard counted it, rather than pretending to
 * have just checked.
 */
export function CrmStatusCard({ connection, timeZone }: { connection: CrmConnection; timeZone: string }) {
  const { host, lastContact, usage } = connection;
  let tone: Tone;
  let title: string;
  let detail: string;
  if (connection.configurationError) {
    tone = "problem";
    title = "CRM not available";
    detail = connection.configurationError;
  } else if (usage?.exhausted || lastContact?.kind === "usage_limit") {
    tone = "problem";
    title = "CRM not available";
    detail = describeCrmError("usage_limit");
  } else if (lastContact && !lastContact.ok && lastContact.kind) {
    tone = "problem";
    title = "CRM not available";
    detail = `${describeCrmError(lastContact.kind)} Last tried ${clock(lastContact.at, timeZone)}${lastContact.lastOkAt ? `; it last answered ${clock(lastContact.lastOkAt, timeZone)}` : ""}.`;
  } else if (lastContact) {
    tone = "ok";
    title = "CRM connected";
    detail = `${host ?? "The CRM"} last answered ${clock(lastContact.at, timeZone)}.`;
  } else {
    tone = "unknown";
    title = "CRM not asked yet";
    detail = `${host ?? "The CRM"} has not been asked anything since the dashboard started.`;
  }
  const style = TONES[tone];
  return (
    <section role={tone === "problem" ? "alert" : undefined} aria-labelledby="crm-status" className={`rounded-lg border p-4 ${style.box}`}>
      <h2 id="crm-status" className={`flex items-center gap-2 font-medium ${style.text}`}>
        <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${style.dot}`} />
        {title}
      </h2>
      <p className={`mt-1 text-sm ${style.text}`}>{detail}</p>
      <p className={`mt-1 text-xs ${style.text}`}>
        This overview is read from Tradesdesk&apos;s copy of the CRM and cost no CRM requests.
        {usage ? ` This month: ${numberFormat.format(usage.used)} of ${numberFormat.format(usage.limit)} requests.` : ""}
        {tone === "problem" && host ? ` CRM address: ${host}.` : ""}
      </p>
    </section>
  );
}
