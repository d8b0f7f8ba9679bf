-- CreateEnum
CREATE TYPE "NodeKind" AS ENUM ('publisher', 'package', 'packageVersion', 'identity', 'secret', 'context', 'runner', 'system', 'action', 'advisory');

-- CreateEnum
CREATE TYPE "EdgeKind" AS ENUM ('INSTALLED_IN', 'EXPOSES', 'AUTHENTICATES_AS', 'ACTS_AS', 'CAN_ACCESS', 'CAN_PUBLISH', 'MAINTAINS', 'RUNS_ON', 'TRIGGERS', 'STORES', 'USED_IN', 'VERSION_OF', 'DEPENDS_ON', 'AFFECTS');

-- CreateEnum
CREATE TYPE "Exposure" AS ENUM ('install', 'job', 'runner', 'runtime');

-- CreateEnum
CREATE TYPE "Privilege" AS ENUM ('read', 'write', 'admin');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "IdentityKind" AS ENUM ('registryPublishToken', 'ciServiceAccount', 'githubApp', 'githubToken', 'deployKey', 'cloudRole', 'workloadIdentity', 'signingKey', 'bot', 'apiKey');

-- CreateEnum
CREATE TYPE "Lifetime" AS ENUM ('longLived', 'shortLived');

-- CreateEnum
CREATE TYPE "SecretStore" AS ENUM ('ciSecret', 'ciVariable', 'envFile', 'vault', 'runnerDisk', 'other');

-- CreateEnum
CREATE TYPE "ContextKind" AS ENUM ('workstation', 'ciJob');

-- CreateEnum
CREATE TYPE "RunnerHosting" AS ENUM ('githubHosted', 'selfHosted', 'other');

-- CreateEnum
CREATE TYPE "SystemKind" AS ENUM ('registry', 'sourceControl', 'cloudAccount', 'database', 'cluster', 'signingService', 'vault', 'ciPlatform', 'other');

-- CreateTable
CREATE TABLE "Node" (
    "id" SERIAL NOT NULL,
    "kind" "NodeKind" NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "firstImportId" INTEGER,
    "lastImportId" INTEGER,

    CONSTRAINT "Node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edge" (
    "id" SERIAL NOT NULL,
    "kind" "EdgeKind" NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "exposure" "Exposure",
    "privilege" "Privilege",
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "firstImportId" INTEGER,
    "lastImportId" INTEGER,

    CONSTRAINT "Edge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publisher" (
    "nodeId" INTEGER NOT NULL,
    "ecosystem" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "twoFactorEnforced" BOOLEAN,
    "isHuman" BOOLEAN NOT NULL DEFAULT true,
    "lastOwnershipChangeAt" TIMESTAMP(3),
    "lastAccountRecoveryAt" TIMESTAMP(3),

    CONSTRAINT "Publisher_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Package" (
    "nodeId" INTEGER NOT NULL,
    "ecosystem" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purl" TEXT NOT NULL,
    "trustedPublishing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Package_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "PackageVersion" (
    "nodeId" INTEGER NOT NULL,
    "packageNodeId" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "purl" TEXT NOT NULL,
    "hasInstallScript" BOOLEAN NOT NULL DEFAULT false,
    "hasProvenance" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,
    "compromised" BOOLEAN NOT NULL DEFAULT false,
    "advisoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "PackageVersion_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Identity" (
    "nodeId" INTEGER NOT NULL,
    "identityKind" "IdentityKind" NOT NULL,
    "owner" TEXT,
    "humanAccount" BOOLEAN NOT NULL DEFAULT false,
    "issuedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "lifetime" "Lifetime" NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provider" TEXT,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Secret" (
    "nodeId" INTEGER NOT NULL,
    "secretName" TEXT NOT NULL,
    "secretType" TEXT NOT NULL,
    "storedIn" "SecretStore" NOT NULL,
    "location" TEXT,
    "fingerprint" TEXT,
    "createdAt" TIMESTAMP(3),
    "lastRotatedAt" TIMESTAMP(3),

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "ExecutionContext" (
    "nodeId" INTEGER NOT NULL,
    "contextKind" "ContextKind" NOT NULL,
    "repo" TEXT,
    "workflow" TEXT,
    "workflowName" TEXT,
    "job" TEXT,
    "triggers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tokenPermissions" JSONB,
    "canMintOidc" BOOLEAN NOT NULL DEFAULT false,
    "ignoresScripts" BOOLEAN NOT NULL DEFAULT false,
    "installSteps" JSONB NOT NULL DEFAULT '[]',
    "untrustedCode" BOOLEAN NOT NULL DEFAULT false,
    "environment" TEXT,
    "file" TEXT,
    "line" INTEGER,
    "owner" TEXT,

    CONSTRAINT "ExecutionContext_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Runner" (
    "nodeId" INTEGER NOT NULL,
    "hosting" "RunnerHosting" NOT NULL,
    "persistent" BOOLEAN NOT NULL DEFAULT false,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "group" TEXT,

    CONSTRAINT "Runner_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "System" (
    "nodeId" INTEGER NOT NULL,
    "systemKind" "SystemKind" NOT NULL,
    "criticality" "Criticality" NOT NULL,
    "owner" TEXT,
    "storesSecrets" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "System_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Action" (
    "nodeId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "repo" TEXT NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Advisory" (
    "nodeId" INTEGER NOT NULL,
    "advisoryId" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" TEXT,
    "details" TEXT,
    "publishedAt" TIMESTAMP(3),
    "modifiedAt" TIMESTAMP(3),
    "malicious" BOOLEAN NOT NULL DEFAULT false,
    "affected" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Advisory_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "AssumedCompromise" (
    "nodeId" INTEGER NOT NULL,
    "markedBy" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "AssumedCompromise_pkey" PRIMARY KEY ("nodeId")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "actor" TEXT NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "lastImportId" INTEGER,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeOrigin" (
    "nodeId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,

    CONSTRAINT "NodeOrigin_pkey" PRIMARY KEY ("nodeId","documentId")
);

-- CreateTable
CREATE TABLE "EdgeOrigin" (
    "edgeId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,

    CONSTRAINT "EdgeOrigin_pkey" PRIMARY KEY ("edgeId","documentId")
);

-- CreateTable
CREATE TABLE "GraphState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GraphState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Node_key_key" ON "Node"("key");

-- CreateIndex
CREATE INDEX "Node_kind_name_idx" ON "Node"("kind", "name");

-- CreateIndex
CREATE INDEX "Edge_fromId_kind_idx" ON "Edge"("fromId", "kind");

-- CreateIndex
CREATE INDEX "Edge_toId_kind_idx" ON "Edge"("toId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Edge_kind_fromId_toId_key" ON "Edge"("kind", "fromId", "toId");

-- CreateIndex
CREATE UNIQUE INDEX "Publisher_ecosystem_handle_key" ON "Publisher"("ecosystem", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "Package_purl_key" ON "Package"("purl");

-- CreateIndex
CREATE INDEX "Package_name_idx" ON "Package"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PackageVersion_purl_key" ON "PackageVersion"("purl");

-- CreateIndex
CREATE INDEX "PackageVersion_packageNodeId_idx" ON "PackageVersion"("packageNodeId");

-- CreateIndex
CREATE INDEX "PackageVersion_compromised_idx" ON "PackageVersion"("compromised");

-- CreateIndex
CREATE INDEX "Identity_identityKind_idx" ON "Identity"("identityKind");

-- CreateIndex
CREATE INDEX "Identity_owner_idx" ON "Identity"("owner");

-- CreateIndex
CREATE INDEX "Identity_lifetime_idx" ON "Identity"("lifetime");

-- CreateIndex
CREATE INDEX "Secret_secretName_idx" ON "Secret"("secretName");

-- CreateIndex
CREATE INDEX "Secret_storedIn_idx" ON "Secret"("storedIn");

-- CreateIndex
CREATE INDEX "ExecutionContext_repo_idx" ON "ExecutionContext"("repo");

-- CreateIndex
CREATE INDEX "System_criticality_idx" ON "System"("criticality");

-- CreateIndex
CREATE UNIQUE INDEX "Action_slug_key" ON "Action"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Advisory_advisoryId_key" ON "Advisory"("advisoryId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_key_key" ON "SourceDocument"("key");

-- CreateIndex
CREATE INDEX "NodeOrigin_documentId_idx" ON "NodeOrigin"("documentId");

-- CreateIndex
CREATE INDEX "EdgeOrigin_documentId_idx" ON "EdgeOrigin"("documentId");

-- AddForeignKey
ALTER TABLE "Node" ADD CONSTRAINT "Node_firstImportId_fkey" FOREIGN KEY ("firstImportId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Node" ADD CONSTRAINT "Node_lastImportId_fkey" FOREIGN KEY ("lastImportId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edge" ADD CONSTRAINT "Edge_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edge" ADD CONSTRAINT "Edge_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edge" ADD CONSTRAINT "Edge_firstImportId_fkey" FOREIGN KEY ("firstImportId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edge" ADD CONSTRAINT "Edge_lastImportId_fkey" FOREIGN KEY ("lastImportId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publisher" ADD CONSTRAINT "Publisher_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Package" ADD CONSTRAINT "Package_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersion" ADD CONSTRAINT "PackageVersion_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackageVersion" ADD CONSTRAINT "PackageVersion_packageNodeId_fkey" FOREIGN KEY ("packageNodeId") REFERENCES "Package"("nodeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Secret" ADD CONSTRAINT "Secret_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionContext" ADD CONSTRAINT "ExecutionContext_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Runner" ADD CONSTRAINT "Runner_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "System" ADD CONSTRAINT "System_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Advisory" ADD CONSTRAINT "Advisory_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssumedCompromise" ADD CONSTRAINT "AssumedCompromise_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_lastImportId_fkey" FOREIGN KEY ("lastImportId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeOrigin" ADD CONSTRAINT "NodeOrigin_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeOrigin" ADD CONSTRAINT "NodeOrigin_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeOrigin" ADD CONSTRAINT "EdgeOrigin_edgeId_fkey" FOREIGN KEY ("edgeId") REFERENCES "Edge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EdgeOrigin" ADD CONSTRAINT "EdgeOrigin_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
