import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const ZRole = z.enum(ROLES);

// NIST SP 800-63B: length over composition rules; 12 characters is the floor for an account
// that can read every credential relationship in the organisation.
export const ZPassword = z.string().min(12, "password must be at least 12 characters").max(256, "password must be at most 256 characters");

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
