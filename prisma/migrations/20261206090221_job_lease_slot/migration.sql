-- AlterTable
ALTER TABLE "JobLease" ADD COLUMN     "lastSlot" TIMESTAMP(3);
