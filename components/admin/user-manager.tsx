"use client";

import { useState } from "react";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { TwoFactorRequirement } from "@/components/admin/two-factor-requirement";
import { LinkCrmUserDialog } from "@/components/admin/link-crm-user-dialog";
import { ResetPasswordDialog } from "@/components/admin/reset-password-dialog";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { secondaryButtonClassName } from "@/components/ui/field";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { useJobAssignees } from "@/lib/jobs/queries/get-job-assignees";
import { useUsers } from "@/lib/users/queries/get-users";
import { useUpdateUser } from "@/lib/users/queries/update-user";
import type { ManagedUser } from "@/lib/users/user-types";

export function UserManager({
  initialUsers,
  currentUserId,
  twoFactorRequired,
}: {
  initialUsers: ManagedUser[];
  currentUserId: string;
  twoFactorRequired: boolean;
}) {
  const users = useUsers(initialUsers);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const [deactivating, setDeactivating] = useState<ManagedUser | null>(null);
  const [linking, setLinking] = useState<ManagedUser | null>(null);
  const assignees = useJobAssignees();
  const people = assignees.data ?? [];

  const update = useUpdateUser({
    onSuccess: (user, change) => {
      setMessage({
        kind: "ok",
        text:
          change.role !== undefined
            ? `${user.name} is now ${ROLE_LABELS[change.role].toLowerCase()}.`
            : `${user.name} is ${user.active ? "reactivated" : "deactivated"}.`,
      });
    },
    onError: (error) => setMessage({ kind: "error", text: error.message }),
  });

  return (
    <div className="space-y-6">
      <CreateUserForm
        onCreated={(user) => setMessage({ kind: "ok", text: `${user.name} can now sign in as ${ROLE_LABELS[user.role ?? "viewer"].toLowerCase()}.` })}
      />

      <TwoFactorRequirement initialRequired={twoFactorRequired} onMessage={setMessage} />

      <div role="status" aria-live="polite">
        {message && (
          <p
            className={`rounded-md border p-3 text-sm ${message.kind === "ok" ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {message.text}
          </p>
        )}
      </div>

      {/* Focusable: on a narrow screen the table scrolls sideways, and keyboard users must be able to scroll it too. */}
      <section
        aria-labelledby="people"
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <h2 id="people" className="px-4 pt-4 font-medium">
          People ({users.data.length})
        </h2>
        <table className="mt-2 w-full min-w-[52rem] text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Two-factor
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                CRM user (assignee)
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {user.name}
                  {user.id === currentUserId && <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>}
                </th>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  <label className="sr-only" htmlFor={`role-${user.id}`}>
                    Role for {user.name}
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role ?? ""}
                    disabled={update.isPending}
                    onChange={(event) => update.mutate({ id: user.id, change: { role: event.target.value as Role } })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  >
                    {user.role === null && <option value="">No role</option>}
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-4 py-2">
                  {user.active ? (
                    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">Active</span>
                  ) : (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">Deactivated</span>
                  )}
                  {user.passwordTemporary && <span className="mt-1 block text-xs text-slate-600">Temporary password</span>}
                </td>
                <td className="px-4 py-2">{user.twoFactorEnabled ? "On" : "Off"}</td>
                <td className="px-4 py-2">
                  <span className="mr-2">{crmUserLabel(user, people)}</span>
                  <button
                    type="button"
                    className={`${secondaryButtonClassName} py-1`}
                    onClick={() => setLinking(user)}
                    aria-label={`${user.crmUserId ? "Change" : "Link"} the CRM user of ${user.name}`}
                  >
                    {user.crmUserId ? "Change…" : "Link…"}
                  </button>
                </td>
                <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
                  <button type="button" className={secondaryButtonClassName} onClick={() => setResetting(user)} aria-label={`Reset password for ${user.name}`}>
                    Reset password
                  </button>
                  {user.active ? (
                    <button type="button" className={secondaryButtonClassName} onClick={() => setDeactivating(user)} aria-label={`Deactivate ${user.name}`}>
                      Deactivate
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={secondaryButtonClassName}
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: user.id, change: { active: true } })}
                      aria-label={`Reactivate ${user.name}`}
                    >
                      Reactivate
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {linking && (
        <LinkCrmUserDialog
          key={linking.id}
          user={linking}
          people={people}
          onClose={() => setLinking(null)}
          onSaved={(_user, text) => setMessage({ kind: "ok", text })}
        />
      )}

      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) =>
          setMessage({
            kind: "ok",
            text: `${user.name}'s password was reset and their sessions ended. It is temporary: they choose their own at their next sign-in.`,
          })
        }
      />

      <Dialog
        open={deactivating !== null}
        onOpenChange={(open) => !open && setDeactivating(null)}
        title={`Deactivate ${deactivating?.name ?? ""}?`}
        description="They are signed out everywhere and cannot sign in until reactivated. Their history stays in the audit log."
      >
        <div className="flex justify-end gap-2">
          <DialogClose className={secondaryButtonClassName}>Cancel</DialogClose>
          <button
            type="button"
            className="inline-flex items-center rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800"
            onClick={() => {
              if (deactivating) update.mutate({ id: deactivating.id, change: { active: false } });
              setDeactivating(null);
            }}
          >
            Deactivate
          </button>
        </div>
      </Dialog>
    </div>
  );
}

/** The linked CRM user by the name jobs show, never a raw id. */
function crmUserLabel(user: ManagedUser, people: ReadonlyArray<{ id: string; first_name: string; last_name: string }>): string {
  if (!user.crmUserId) return "Not linked";
  const person = people.find((candidate) => candidate.id === user.crmUserId);
  const seenName = person ? `${person.first_name} ${person.last_name}`.trim() : "";
  return seenName && seenName !== user.name ? `Linked: ${seenName} in the CRM` : "Linked";
}
