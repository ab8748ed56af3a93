import { z } from "zod";
import { PASSWORD_MAX, newPasswordSchema } from "@/lib/users/user-schemas";

/** Shared by the account screens and the routes that receive them. */
const currentPassword = z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX);

export const changePasswordSchema = z
  .strictObject({
    current_password: currentPassword,
    new_password: newPasswordSchema,
    confirm_password: z.string({ error: "Enter the new password again." }).min(1, "Enter the new password again.").max(PASSWORD_MAX),
  })
  .refine((value) => value.new_password === value.confirm_password, { path: ["confirm_password"], message: "The two new passwords do not match." })
  .refine((value) => value.new_password !== value.current_password, { path: ["new_password"], message: "Choose a password different from the current one." });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Turning two-factor sign-in on or off asks for the password again. */
export const confirmPasswordSchema = z.strictObject({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX),
});

/** The code an authenticator app shows: 6 digits (spaces people type from the screen are dropped). */
export const totpCodeSchema = z.strictObject({
  code: z
    .string({ error: "Enter the 6-digit code from your authenticator app." })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});

/** At sign-in: a 6-digit code, or one of the backup codes (like "abcde-12345"). */
export const signInCodeSchema = z.strictObject({
  code: z
    .string({ error: "Enter the 6-digit code or a backup code." })
    .transform((value) => value.trim())
    .pipe(z.string().min(6, "Enter the 6-digit code or a backup code.").max(32, "That is longer than any code.")),
});

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

export const twoFactorSettingSchema = z.strictObject({
  require_two_factor_for_admins: z.boolean({ error: "require_two_factor_for_admins must be true or false." }),
});
