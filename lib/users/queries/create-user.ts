import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/http/api-fetch";
import { userKeys } from "@/lib/users/queries/user-query-keys";
import type { createUserSchema } from "@/lib/users/user-schemas";
import type { ManagedUser } from "@/lib/users/user-types";

export type NewUserValues = z.input<typeof createUserSchema>;

export function createUser(values: NewUserValues): Promise<ManagedUser> {
  return apiFetch<ManagedUser>("/api/admin/users", { method: "POST", json: values });
}

/** A new account joins the list at once. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
