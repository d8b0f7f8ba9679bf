-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'contained', 'closed');

-- CreateEnum
CREATE TYPE "RotationAction" AS ENUM ('rotated', 'revoked');

-- CreateTable
CREATE TABLE "Incident" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "advisoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3),
    "commander" TEXT NOT NULL,
    "severity" "Criticality" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "snapshot" JSONB NOT NULL,
    "graphVersionAtOpen" INTEGER NOT NULL,
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rotation" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "nodeKey" TEXT NOT NULL,
    "nodeKind" TEXT NOT NULL,
    "nodeName" TEXT NOT NULL,
    "action" "RotationAction" NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "Rotation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_status_idx" ON "Incident"("status");

-- CreateIndex
CREATE INDEX "IncidentEvent_incidentId_at_idx" ON "IncidentEvent"("incidentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Rotation_incidentId_nodeKey_key" ON "Rotation"("incidentId", "nodeKey");

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rotation" ADD CONSTRAINT "Rotation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
