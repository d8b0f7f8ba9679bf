-- AlterTable
ALTER TABLE "PackageVersion" ADD COLUMN     "trustedPublishing" BOOLEAN NOT NULL DEFAULT false;
