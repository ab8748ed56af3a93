import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import { userKeys } from "@/lib/users/queries/user-query-keys";
import type { ManagedUser } from "@/lib/users/user-types";

export function fetchUsers(): Promise<ManagedUser[]> {
  return apiFetch<{ users: ManagedUser[] }>("/api/admin/users").then((data) => data.users);
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: userKeys.all, queryFn: fetchUsers });
}

/** The dashboard's accounts, starting from the list the server rendered the page with. */
export function useUsers(initialUsers: ManagedUser[]) {
  return useQuery({ ...usersQueryOptions(), initialData: initialUsers });
}
