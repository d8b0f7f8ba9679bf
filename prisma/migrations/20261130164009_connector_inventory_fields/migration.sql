-- AlterTable
ALTER TABLE "Runner" ADD COLUMN     "repositories" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "System" ADD COLUMN     "actionsCanApprovePullRequests" JSONB;
