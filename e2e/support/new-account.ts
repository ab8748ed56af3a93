import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import { E2E_APP_URL } from "./test-env";

export interface NewAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * A fresh account made through the admin API. The admin's password is
 * temporary; unless told otherwise, the person then chooses `password` as
 * their own (through the API), so tests start from an ordinary account.
 */
export async function newAccount(
  admin: APIRequestContext,
  { name, role, password, keepTemporary = false }: { name: string; role: Role; password: string; keepTemporary?: boolean },
): Promise<NewAccount> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@e2e.example`;
  const temporary = `${password}-temporary`;
  const created = await admin.post("/api/admin/users", { data: { name, email, role, password: keepTemporary ? password : temporary } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()).data as { id: string };
  if (!keepTemporary) {
    const person = await signedInApi(email, temporary);
    const changed = await person.post("/api/me/password", { data: { current_password: temporary, new_password: password, confirm_password: password } });
    expect(changed.status(), await changed.text()).toBe(200);
    await person.dispose();
  }
  return { id, name, email, password };
}

/** A new API client signed in with email and password (no two-factor). */
export async function signedInApi(email: string, password: string, ip?: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({
    baseURL: E2E_APP_URL,
    extraHTTPHeaders: { Origin: E2E_APP_URL, ...(ip ? { "X-Forwarded-For": ip } : {}) },
  });
  const response = await context.post("/api/auth/sign-in", { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
  return context;
}
