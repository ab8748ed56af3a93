/**
 * What each role may do. Checked on the server in every route handler; the
 * pages use the same table only to hide what a person cannot do anyway.
 */
export const ROLES = ["admin", "staff", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  staff: "Staff",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything staff can do, plus managing users, reading the audit log and setting the data sync.",
  staff: "Read, create, edit, delete and restore customers and jobs.",
  viewer: "Read only.",
};

// manage_sync: the CRM mirror's budget and pause (ADR-014); staff may still ask for "Sync now" (write).
export type Capability = "read" | "write" | "manage_users" | "read_audit" | "manage_sync";

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ["read", "write", "manage_users", "read_audit", "manage_sync"],
  staff: ["read", "write"],
  viewer: ["read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Unknown or missing roles get nothing: a tampered or legacy value never widens access. */
export function can(role: unknown, capability: Capability): boolean {
  return isRole(role) && CAPABILITIES[role].includes(capability);
}
