-- Cheaper edge writes (issue 14). Edge provenance (first/last import) and an edge's source document
-- become plain ids: imports and documents are never deleted and the importing transaction writes ids
-- it has just created or read, so those foreign keys checked nothing but cost a row-by-row check per
-- edge and origin written. The unique key leads with fromId so that it also serves lookups by
-- (fromId, kind), and the separate (fromId, kind) index goes.

-- DropForeignKey
ALTER TABLE "Edge" DROP CONSTRAINT "Edge_firstImportId_fkey";

-- DropForeignKey
ALTER TABLE "Edge" DROP CONSTRAINT "Edge_lastImportId_fkey";

-- DropForeignKey
ALTER TABLE "EdgeOrigin" DROP CONSTRAINT "EdgeOrigin_documentId_fkey";

-- DropIndex
DROP INDEX "Edge_fromId_kind_idx";

-- DropIndex
DROP INDEX "Edge_kind_fromId_toId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Edge_fromId_kind_toId_key" ON "Edge"("fromId", "kind", "toId");
