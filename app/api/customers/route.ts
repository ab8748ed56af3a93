import { z } from "zod";
import { crmJson, withNotSaved } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { idempotencyKeyFor } from "@/lib/api/idempotency-key.server";
import { parseWith, readJsonBody } from "@/lib/api/read-body.server";
import { customerListFiltersSchema } from "@/lib/customers/customer-list-filters";
import { customerInputSchema } from "@/lib/customers/customer-schema";
import { takeConfirmDuplicate } from "@/lib/customers/confirm-duplicate.server";
import { listCustomersFor } from "@/lib/customers/list-customers.server";
import { createCustomerFromInput, toCustomerDto } from "@/lib/customers/customer-service.server";

export const GET = defineRoute("read", async ({ request }) => {
  const filters = parseWith(customerListFiltersSchema, Object.fromEntries(new URL(request.url).searchParams));
  const result = await listCustomersFor(filters);
  return crmJson(result, result.data);
});

export const POST = defineRoute("write", async ({ request, requestId, user }) => {
  const key = idempotencyKeyFor(request, user, "create-customer");
  const { confirmDuplicate, rest } = takeConfirmDuplicate(await readJsonBody(request, z.unknown()));
  const input = parseWith(customerInputSchema, rest);
  const result = await createCustomerFromInput(input, key, { user, requestId }, { confirmDuplicate });
  return crmJson(result, withNotSaved(result, toCustomerDto(result.data)), { status: 201 });
});
