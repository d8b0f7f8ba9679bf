-- CreateTable
CREATE TABLE "ConnectorRun" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "hint" TEXT,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "changes" JSONB,
    "snapshot" JSONB,
    "importId" INTEGER,

    CONSTRAINT "ConnectorRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConnectorRun_kind_target_startedAt_idx" ON "ConnectorRun"("kind", "target", "startedAt");

-- AddForeignKey
ALTER TABLE "ConnectorRun" ADD CONSTRAINT "ConnectorRun_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;
