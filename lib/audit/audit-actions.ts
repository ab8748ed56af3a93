/** The audit log's actions with the words people read for them. */
export const AUDIT_ACTIONS = [
  { value: "create", label: "Created" },
  { value: "update", label: "Edited" },
  { value: "delete", label: "Deleted" },
  { value: "restore", label: "Restored" },
  { value: "user_create", label: "User created" },
  { value: "role_change", label: "Role changed" },
  { value: "crm_user_link", label: "CRM user linked" },
  { value: "user_deactivate", label: "User deactivated" },
  { value: "user_reactivate", label: "User reactivated" },
  { value: "password_reset", label: "Password reset" },
  { value: "password_change", label: "Password changed" },
  { value: "two_factor_enable", label: "Two-factor turned on" },
  { value: "two_factor_disable", label: "Two-factor turned off" },
  { value: "setting_change", label: "Setting changed" },
  { value: "sign_in", label: "Signed in" },
  { value: "sign_out", label: "Signed out" },
] as const;

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS.find((entry) => entry.value === action)?.label ?? action;
}
