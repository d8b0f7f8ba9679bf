import { z } from "zod";

// The parts of the OSV schema (https://ossf.github.io/osv-schema/) Blastmap reads. Unknown fields
// are allowed: OSV records carry database-specific extras (CVSS, origins, CWE lists).

export const ZOsvEvent = z.looseObject({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

export const ZOsvRange = z.looseObject({
  type: z.string(),
  events: z.array(ZOsvEvent).min(1),
});

export const ZOsvAffected = z.looseObject({
  package: z.looseObject({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }).optional(),
  ranges: z.array(ZOsvRange).optional(),
  versions: z.array(z.string()).optional(),
  database_specific: z.unknown().optional(),
});
export type TOsvAffected = z.infer<typeof ZOsvAffected>;

const ZOsvDate = z.iso.datetime({ offset: true, local: true }).or(z.iso.date());

export const ZOsvRecord = z.looseObject({
  id: z.string().min(1).max(200),
  schema_version: z.string().optional(),
  modified: ZOsvDate.optional(),
  published: ZOsvDate.optional(),
  withdrawn: ZOsvDate.optional(),
  aliases: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  affected: z.array(ZOsvAffected).optional(),
  database_specific: z.unknown().optional(),
});
export type TOsvRecord = z.infer<typeof ZOsvRecord>;
