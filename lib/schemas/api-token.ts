import { z } from "zod";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from "@/lib/auth/api-token";

export const API_TOKEN_SCOPES = ["import", "read"] as const;
export const ZApiTokenScope = z.enum(API_TOKEN_SCOPES);
export type TApiTokenScope = z.infer<typeof ZApiTokenScope>;

export const ZCreateApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name is required")
    .max(64, "name must be at most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "name may contain letters, digits, dot, dash and underscore"),
  scope: ZApiTokenScope,
  days: z.coerce
    .number()
    .int("days must be a whole number")
    .min(1, "days must be at least 1")
    .max(API_TOKEN_MAX_DAYS, `days must be at most ${API_TOKEN_MAX_DAYS}`)
    .default(API_TOKEN_DEFAULT_DAYS),
});
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

export interface TApiTokenSummary {
  id: number;
  name: string;
  scope: TApiTokenScope;
  prefix: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: "active" | "expired" | "revoked";
}
