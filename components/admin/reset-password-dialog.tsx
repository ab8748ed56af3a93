"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { useResetUserPassword, type ResetPasswordValues } from "@/lib/users/queries/reset-user-password";
import { resetPasswordSchema } from "@/lib/users/user-schemas";
import type { ManagedUser } from "@/lib/users/user-types";
import { ReadyForm } from "@/components/forms/ready-form";

type Values = ResetPasswordValues;

export function ResetPasswordDialog({ user, onClose, onDone }: { user: ManagedUser | null; onClose: () => void; onDone: (user: ManagedUser) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const resetPassword = useResetUserPassword();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: "" } });

  function close() {
    reset();
    setFormError(null);
    onClose();
  }

  async function onSubmit(values: Values) {
    if (!user) return;
    setFormError(null);
    try {
      await resetPassword.mutateAsync({ id: user.id, values });
      onDone(user);
      close();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ["password"]));
    }
  }

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => !open && close()}
      title={`Reset password for ${user?.name ?? ""}`}
      description="They are signed out everywhere and sign in with the new password."
    >
      <ReadyForm onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {formError}
          </p>
        )}
        <Field id="reset-password" label="New password" error={errors.password?.message}>
          <input
            {...register("password")}
            {...fieldAria("reset-password", errors.password?.message)}
            type="password"
            autoComplete="new-password"
            className={inputClassName}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <DialogClose className={secondaryButtonClassName}>Cancel</DialogClose>
          <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
            {isSubmitting ? "Saving…" : "Reset password"}
          </button>
        </div>
      </ReadyForm>
    </Dialog>
  );
}
