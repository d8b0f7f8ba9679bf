import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/permissions";

export const ZRole = z.enum(ROLES);

// The policy (length, not common, not repeated) lives in lib/auth/password-policy.ts.
export const ZPassword = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const ZCreateUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid address")),
  name: z.string().trim().min(1, "name is required").max(200).optional(),
  role: ZRole,
  password: ZPassword,
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "email is required").max(320),
  password: z.string().min(1, "password is required").max(256),
  next: z.string().max(2000).optional(),
});

export interface TUserSummary {
  id: string;
  email: string;
  name: string;
  role: z.infer<typeof ZRole>;
  createdAt: Date;
  sso: boolean;
}
