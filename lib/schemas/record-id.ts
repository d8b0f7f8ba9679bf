import { z } from "zod";

/** A database row id as it arrives in a path segment, query parameter or form field. */
export const ZRecordId = z.coerce
  .number({ error: "must be a positive whole number" })
  .int("must be a positive whole number")
  .positive("must be a positive whole number")
  .max(2_147_483_647, "must be a positive whole number");
