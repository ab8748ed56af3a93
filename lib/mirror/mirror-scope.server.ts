import "server-only";
import { companyScopeOf, currentCompanyScope } from "@/lib/crm/company-scope.server";

/**
 * The mirror keeps the rows of each CRM company apart by a scope (a hash of
 * the CRM's base URL and key, computed in lib/crm, which alone holds the key);
 * every query filters by it, so one key's rows never show under another.
 */
export const mirrorScopeOf = companyScopeOf;
export const currentMirrorScope = currentCompanyScope;
