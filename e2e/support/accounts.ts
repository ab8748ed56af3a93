import type { Role } from "../../lib/auth/roles";

/** The accounts every end-to-end run has: the admin from ADMIN_EMAIL/ADMIN_PASSWORD, and a staff member and a viewer it creates. */
export const ACCOUNTS: Record<Role, { email: string; password: string; name: string }> = {
  admin: { email: "admin@e2e.example", password: "e2e-admin-password", name: "Administrator" },
  staff: { email: "staff@e2e.example", password: "e2e-staff-password", name: "Stacy Staff" },
  viewer: { email: "viewer@e2e.example", password: "e2e-viewer-password", name: "Victor Viewer" },
};

export function storageStatePath(role: Role): string {
  // Per app port, so parallel runs against separate servers keep separate sign-ins.
  return `.data/e2e-auth/${process.env.E2E_APP_PORT ?? "3100"}/${role}.json`;
}
