import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/** Shared by the admin forms and the routes that receive them. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** A password being set; the server also refuses common ones (lib/passwords/password-policy.server.ts). */
export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

const email = z.string({ error: "Enter an email address." }).trim().toLowerCase().pipe(z.email("Enter an email address like name@example.com."));

const role = z.enum(ROLES, { error: "Choose a role: admin, staff or viewer." });

export const signInSchema = z.strictObject({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const createUserSchema = z.strictObject({
  name: z.string({ error: "Enter a name." }).trim().min(2, "Enter a name of at least 2 characters.").max(80, "Use at most 80 characters."),
  email,
  role,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** A CRM user id (a UUID, as jobs' assigned_to_user_id); null unlinks. */
const crmUserId = z.uuid({ error: "Use the CRM user's id, a UUID like 123e4567-e89b-12d3-a456-426614174000." }).nullable();

export const updateUserSchema = z
  .strictObject({
    role: role.optional(),
    active: z.boolean({ error: "active must be true or false." }).optional(),
    crm_user_id: z.preprocess((value) => (typeof value === "string" ? value.trim().toLowerCase() || null : value), crmUserId).optional(),
  })
  .refine((value) => value.role !== undefined || value.active !== undefined || value.crm_user_id !== undefined, { message: "Nothing to change." });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ password: newPasswordSchema });

export const userIdSchema = z.uuid({ error: "That is not a valid user id." });
