-- AlterTable
ALTER TABLE "ExecutionContext" ADD COLUMN     "runnerLabels" TEXT[] DEFAULT ARRAY[]::TEXT[];
