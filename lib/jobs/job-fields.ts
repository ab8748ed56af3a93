import { z } from "zod";
import { ignoreFieldsWhen, isGiven, runRules, type CrossFieldRule, type FieldMessages, type RuleRecord } from "@/lib/forms/cross-field-rules";
import { addressLineField, booleanField, cityField, optionalId, optionalText, usStateField, usZipField } from "@/lib/forms/fields";
import { JOB_PRIORITIES, JOB_STATUSES } from "@/lib/jobs/job-enums";

/**
 * The job's fields and scheduling rules. The schemas built from them are in
 * job-schema.ts, the mapping to and from the CRM's Job object (CRM-API 002) in
 * job-crm-mapping.ts. Empty form inputs ("") become null, as for customers.
 */

// ── Amounts ──────────────────────────────────────────────────────────────────

export const MAX_AMOUNT = 10_000_000;
const AMOUNT_FORMAT_MESSAGE = "Enter an amount like 1250.00";
const NEGATIVE_MESSAGE = "Amounts can't be negative";
const CENTS_MESSAGE = "Use at most two decimal places (cents)";
const TOO_LARGE_MESSAGE = "Amounts can be at most $10,000,000";

const AMOUNT_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_THOUSANDS = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

type AmountResult = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Money in dollars, to the cent. Decision on the two-decimal rule:
 * - Text (what a form sends) is checked as typed: "12.345" is refused, while
 *   "12.50", "12.500", "$1,250" and "1250." are fine (trailing zeros aren't cents).
 * - Numbers (JSON clients, valueAsNumber) are accepted when they are a whole
 *   number of cents up to float noise, then rounded: 0.1 + 0.2
 *   (0.30000000000000004) is 0.30, but 1.005 is refused. Comparing
 *   `Number(value.toFixed(2)) === value` would refuse the former for no reason.
 */
export function parseAmount(input: number | string | null): AmountResult {
  if (input === null) return { ok: true, value: null };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, message: AMOUNT_FORMAT_MESSAGE };
    if (input < 0) return { ok: false, message: NEGATIVE_MESSAGE };
    const cents = input * 100;
    if (Math.abs(cents - Math.round(cents)) > 1e-6) return { ok: false, message: CENTS_MESSAGE };
    if (input > MAX_AMOUNT) return { ok: false, message: TOO_LARGE_MESSAGE };
    return { ok: true, value: Math.round(cents) / 100 };
  }
  if (input.trim() === "") return { ok: true, value: null };
  let text = input.trim().replace(/^(-?)\s*\$\s*/, "$1");
  if (GROUPED_THOUSANDS.test(text)) text = text.replaceAll(",", "");
  if (!AMOUNT_TEXT.test(text)) return { ok: false, message: AMOUNT_FORMAT_MESSAGE };
  const value = Number(text);
  if (value < 0) return { ok: false, message: NEGATIVE_MESSAGE };
  const fraction = text.split(".")[1] ?? "";
  if (fraction.replace(/0+$/, "").length > 2) return { ok: false, message: CENTS_MESSAGE };
  if (value > MAX_AMOUNT) return { ok: false, message: TOO_LARGE_MESSAGE };
  return { ok: true, value: value + 0 }; // + 0 turns "-0" into 0
}

const amountField = z
  .union([z.number(), z.string()], { error: AMOUNT_FORMAT_MESSAGE })
  .nullable()
  .transform((value, ctx) => {
    const result = parseAmount(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

// ── Dates and times ──────────────────────────────────────────────────────────

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const lastDay = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return lastDay !== undefined && day >= 1 && day <= lastDay;
}

// Date-only: the CRM accepts YYYY-MM-DD for date fields (CRM-API 001), and a day on
// the schedule is a calendar day, not an instant.
const scheduledDateField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!ISO_DATE.test(value)) {
      ctx.addIssue({ code: "custom", message: "Enter a date like 2026-03-14" });
      return z.NEVER;
    }
    if (!isRealDate(value)) {
      ctx.addIssue({ code: "custom", message: "That date doesn't exist; check the day and month" });
      return z.NEVER;
    }
    return value;
  })
  .nullable();

const TIME = /^(\d{1,2}):([0-5]\d)$/;

// 24-hour HH:MM as the CRM stores it; "9:30" is padded to "09:30".
const timeField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const match = TIME.exec(value);
    const hours = Number(match?.[1]);
    if (!match || hours > 23) {
      ctx.addIssue({ code: "custom", message: "Enter a time like 09:30" });
      return z.NEVER;
    }
    return `${String(hours).padStart(2, "0")}:${match[2]}`;
  })
  .nullable();

// ── Fields ───────────────────────────────────────────────────────────────────

/** The service address parts, which "use the customer's address" fills from the customer. */
export const SERVICE_ADDRESS_FIELDS = ["service_address1", "service_address2", "service_city", "service_state", "service_zip"] as const;

/**
 * Every field once, without defaults, in the order the form shows them: the
 * create schema adds the defaults (job-schema.ts), the update schema makes them
 * optional, and the CRM mapping takes its field list from these keys.
 */
export const jobFields = {
  customer_uuid: z
    .string({ error: "Choose a customer" })
    .trim()
    .refine((value) => z.guid().safeParse(value).success, "Choose a customer"),
  title: z.string({ error: "Add a title" }).trim().min(1, "Add a title").max(200, "Title can be at most 200 characters"),
  description: optionalText(5000, "Description can be at most 5,000 characters"),
  status: z.enum(JOB_STATUSES, { error: "Choose a status from the list" }),
  priority: z.enum(JOB_PRIORITIES, { error: "Choose a priority from the list" }),
  is_urgent: booleanField("Urgent"),
  is_emergency: booleanField("Emergency"),
  location_uuid: optionalId("Choose a location from the list"),
  assigned_to_user_id: optionalId("Choose a team member from the list"),
  use_customer_address: booleanField("Use the customer's address"),
  service_address1: addressLineField,
  service_address2: addressLineField,
  service_city: cityField,
  service_state: usStateField,
  service_zip: usZipField,
  estimated_amount: amountField,
  actual_amount: amountField,
  scheduled_date: scheduledDateField,
  scheduled_time_start: timeField,
  scheduled_time_end: timeField,
  internal_notes: optionalText(5000, "Internal notes can be at most 5,000 characters"),
  customer_notes: optionalText(5000, "Customer notes can be at most 5,000 characters"),
};

// ── Cross-field rules ────────────────────────────────────────────────────────

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Scheduling rules. Each message sits on the field that has to change: the
 * missing start, the end that isn't after the start, the missing date. A job
 * can't run past midnight (end after start on the same day): overnight work is
 * two visits in this CRM, which has one date per job.
 */
const JOB_RULES: readonly CrossFieldRule[] = [
  {
    fields: ["scheduled_time_start", "scheduled_time_end"],
    check: (record): FieldMessages =>
      isGiven(record.scheduled_time_end) && !isGiven(record.scheduled_time_start) ? { scheduled_time_start: "Add a start time for this end time" } : {},
  },
  {
    fields: ["scheduled_time_start", "scheduled_time_end"],
    check: (record): FieldMessages => {
      const { scheduled_time_start: start, scheduled_time_end: end } = record;
      if (typeof start !== "string" || typeof end !== "string" || !HH_MM.test(start) || !HH_MM.test(end)) return {};
      // Zero-padded 24-hour times compare correctly as text.
      return end > start ? {} : { scheduled_time_end: "End time must be after the start time" };
    },
  },
  {
    fields: ["scheduled_date", "scheduled_time_start", "scheduled_time_end"],
    check: (record): FieldMessages =>
      (isGiven(record.scheduled_time_start) || isGiven(record.scheduled_time_end)) && !isGiven(record.scheduled_date)
        ? { scheduled_date: "Pick a date for these times" }
        : {},
  },
];

/**
 * The cross-field rules, field → message; for partial updates call it on the
 * merged record: `checkJobRules({ ...jobToFormValues(current), ...patch }, Object.keys(patch))`.
 */
export function checkJobRules(merged: RuleRecord, changed?: Iterable<string>): FieldMessages {
  return runRules(JOB_RULES, merged, changed);
}

/**
 * With "use the customer's address" ticked, the hidden service-address inputs
 * are ignored rather than validated; the route fills the address from the
 * customer (serviceAddressFromCustomer).
 */
export const ignoreServiceAddressWhenFromCustomer = ignoreFieldsWhen("use_customer_address", SERVICE_ADDRESS_FIELDS);
