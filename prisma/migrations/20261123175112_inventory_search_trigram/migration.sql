-- The extension is written by hand (see the note above `datasource` in schema.prisma).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Node_name_trgm_idx" ON "Node" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Node_key_trgm_idx" ON "Node" USING GIN ("key" gin_trgm_ops);
