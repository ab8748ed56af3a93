import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/http/api-fetch";
import { userKeys } from "@/lib/users/queries/user-query-keys";
import type { resetPasswordSchema } from "@/lib/users/user-schemas";

export type ResetPasswordValues = z.input<typeof resetPasswordSchema>;

export function resetUserPassword(id: string, values: ResetPasswordValues): Promise<unknown> {
  return apiFetch(`/api/admin/users/${id}/password`, { method: "POST", json: values });
}

/** An admin sets a temporary password: the list then says the password is temporary. */
export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id: string; values: ResetPasswordValues }) => resetUserPassword(id, values),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
