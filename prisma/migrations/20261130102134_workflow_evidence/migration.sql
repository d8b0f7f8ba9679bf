-- AlterTable
ALTER TABLE "ExecutionContext" ADD COLUMN     "calls" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "containerImages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "publishSteps" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "workflowRuns" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "System" ADD COLUMN     "defaultTokenPermissions" JSONB;
