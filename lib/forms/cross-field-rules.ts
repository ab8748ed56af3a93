import type { z } from "zod";

/**
 * The cross-field rule runner both features' schemas use: a rule names the
 * fields it reads and returns messages by field, so a partial update can run
 * only the rules it touches and a form can show each message beside its field.
 */

export type FieldMessages = Record<string, string>;
export type RuleRecord = Readonly<Record<string, unknown>>;

/** A cross-field rule: the fields it reads, and the messages it returns by field. */
export interface CrossFieldRule {
  fields: readonly string[];
  check: (record: RuleRecord) => FieldMessages;
}

/** A value counts as given unless it is absent, null or blank text. */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/**
 * Runs the rules. With `changed` (the fields a partial update sends), only the
 * rules reading at least one of them report: a record that already broke a rule
 * in the CRM (another integration wrote it) must not block an unrelated edit,
 * while a patch that breaks one, or touches a broken one, is refused.
 */
export function runRules(rules: readonly CrossFieldRule[], record: RuleRecord, changed?: Iterable<string>): FieldMessages {
  const touched = changed === undefined ? null : new Set(changed);
  const messages: FieldMessages = {};
  for (const rule of rules) {
    if (touched && !rule.fields.some((field) => touched.has(field))) continue;
    for (const [field, message] of Object.entries(rule.check(record))) messages[field] ??= message;
  }
  return messages;
}

/**
 * Adds the rules' messages as issues, except on fields that already failed on
 * their own: "Enter an email address like …" says more than a cross-field rule.
 */
export function addRuleIssues(messages: FieldMessages, ctx: z.RefinementCtx): void {
  const failed = new Set(ctx.issues.map((issue) => String(issue.path?.[0] ?? "")));
  for (const [field, message] of Object.entries(messages)) {
    if (!failed.has(field)) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cross-field rules must run even when a field failed with a type error, so the
// form shows every problem at once; they read the value defensively.
export const ALWAYS_FOR_OBJECTS = { when: (payload: { value: unknown }) => isRecord(payload.value) };

/**
 * Hidden inputs are ignored, not validated: when the box `flag` is ticked,
 * `fields` are dropped before the schema runs, so a stale value in a field the
 * person can't see never blocks a save.
 */
export function ignoreFieldsWhen(flag: string, fields: readonly string[]) {
  return <T>(raw: T): T => {
    if (!isRecord(raw) || raw[flag] !== true) return raw;
    const copy: Record<string, unknown> = { ...raw };
    for (const field of fields) delete copy[field];
    return copy as T;
  };
}
