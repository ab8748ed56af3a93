import "server-only";
import type { z } from "zod";
import { crmConfig } from "@/lib/env";
import { CrmError, classifyCrmFailure } from "@/lib/crm/errors";

export type QueryValue = string | number | boolean | undefined | null;

export interface CrmGetOptions {
  query?: Record<string, QueryValue>;
}

/**
 * GETs a CRM endpoint and returns its `data`, parsed with the given schema.
 * This is the only place that knows the base URL, the key and the envelope.
 */
export async function crmGet<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: CrmGetOptions = {},
): Promise<z.infer<Schema>> {
  const crm = crmConfig();
  const url = new URL(`${crm.baseUrl}${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, String(value));
  }

  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${crm.apiKey}`, Accept: "application/json" },
      signal: AbortSignal.timeout(crm.timeoutMs),
      cache: "no-store",
    });
  } catch (cause) {
    const timedOut = cause instanceof DOMException && cause.name === "TimeoutError";
    throw new CrmError(
      "unavailable",
      timedOut ? `The CRM did not answer within ${crm.timeoutMs} ms` : "The CRM could not be reached",
      null,
      { cause },
    );
  }
  return readEnvelope(response, schema);
}

async function readEnvelope<Schema extends z.ZodType>(response: Response, schema: Schema): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new CrmError(
      response.ok ? "invalid_response" : classifyCrmFailure(response.status, ""),
      `The CRM answered ${response.status} with a body that is not JSON`,
      response.status,
      { cause },
    );
  }

  if (!response.ok || !isSuccessEnvelope(body)) {
    const message = errorMessageOf(body) ?? `The CRM answered ${response.status}`;
    throw new CrmError(classifyCrmFailure(response.status, message), message, response.status);
  }

  const parsed = schema.safeParse(body.data);
  if (!parsed.success) {
    throw new CrmError("invalid_response", "The CRM answered in a shape the dashboard does not understand", response.status, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function isSuccessEnvelope(body: unknown): body is { success: true; data: unknown } {
  return typeof body === "object" && body !== null && (body as { success?: unknown }).success === true;
}

function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === "string" ? error : undefined;
}
