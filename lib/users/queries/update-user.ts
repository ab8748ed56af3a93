import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import { apiFetch } from "@/lib/http/api-fetch";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { userKeys } from "@/lib/users/queries/user-query-keys";
import type { ManagedUser } from "@/lib/users/user-types";

export interface UserChange {
  role?: Role;
  active?: boolean;
  crm_user_id?: string | null;
}

export function updateUser(id: string, change: UserChange): Promise<ManagedUser> {
  return apiFetch<ManagedUser>(`/api/admin/users/${id}`, { method: "PATCH", json: change });
}

/**
 * A role or an account's being active. The list is read again whether it
 * worked or not: a refusal (the last admin, say) may mean the list was out of date.
 */
export function useUpdateUser(callbacks: { onSuccess?: (user: ManagedUser, change: UserChange) => void; onError?: (error: Error) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: Pick<UserChange, "role" | "active"> }) => updateUser(id, change),
    onSuccess: (user, { change }) => callbacks.onSuccess?.(user, change),
    onError: (error) => callbacks.onError?.(error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Links an account to a CRM user (or unlinks it, with null): the list shows the link, and the assignee lists gain or lose the person. */
export function useLinkCrmUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, crmUserId }: { id: string; crmUserId: string | null }) => updateUser(id, { crm_user_id: crmUserId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: jobKeys.assignees() });
    },
  });
}
