import type { PossibleDuplicate } from "@/lib/customers/duplicate-types";

/** What the new-customer page found on file for the lookup's phone or email (lib/customers/find-existing.server.ts). */
export type ExistingCustomers = { kind: "found"; matches: PossibleDuplicate[] } | { kind: "none" } | { kind: "unchecked"; message: string };
