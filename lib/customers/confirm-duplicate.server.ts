import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { CONFIRM_DUPLICATE_FIELD } from "@/lib/customers/duplicate-types";

/**
 * Takes `confirm_duplicate` out of a create or update body before the
 * customer's own schema reads the rest (it is the person's answer, not
 * record data, and must never reach the CRM). Anything but a boolean is a
 * 400 naming the field.
 */
export function takeConfirmDuplicate(raw: unknown): { confirmDuplicate: boolean; rest: unknown } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !(CONFIRM_DUPLICATE_FIELD in raw)) return { confirmDuplicate: false, rest: raw };
  const { [CONFIRM_DUPLICATE_FIELD]: value, ...rest } = raw as Record<string, unknown>;
  if (typeof value !== "boolean") {
    throw new ApiError(400, "validation", "One field needs attention.", {
      [CONFIRM_DUPLICATE_FIELD]: "Send true to save despite possible duplicates, or false (or leave it out) to have them checked.",
    });
  }
  return { confirmDuplicate: value, rest };
}
