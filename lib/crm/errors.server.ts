import "server-only";

import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";

export type { CrmErrorKind };

export class CrmError extends Error {
  override readonly name = "CrmError";
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function classifyCrmFailure(status: number, message: string): CrmErrorKind {
  if (status === 400) return "validation";
  if (status === 401) return "unauthorized";
  if (status === 403) return classifyForbidden(message);
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "invalid_response";
}

function classifyForbidden(message: string): CrmErrorKind {
  const text = message.toLowerCase();
  if (text.includes("usage limit")) return "usage_limit";
  if (text.includes("add-on") || text.includes("addon") || text.includes("subscri")) return "addon_required";
  if (text.includes("ip")) return "ip_restricted";
  return "forbidden";
}
