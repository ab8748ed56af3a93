/** TanStack Query keys of the admin's Users page: everything under ["admin", "users"] is the account list. */
export const userKeys = {
  all: ["admin", "users"] as const,
};
