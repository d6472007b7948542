-- AlterTable
ALTER TABLE "SocialProject" ADD COLUMN     "evaluationClosedAt" TIMESTAMP(3),
ADD COLUMN     "evaluationClosedById" INTEGER;
