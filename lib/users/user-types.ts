import type { Role } from "@/lib/auth/roles";

/** A dashboard account as the admin screens show it. */
export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  active: boolean;
  createdAt: string;
  /** The CRM user jobs are assigned to as this person, when an admin has linked one. */
  crmUserId: string | null;
  twoFactorEnabled: boolean;
  /** An admin set the password and the person has not yet chosen their own. */
  passwordTemporary: boolean;
}
