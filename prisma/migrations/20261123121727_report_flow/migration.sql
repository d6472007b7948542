-- AlterTable
ALTER TABLE "ApiClient" ADD COLUMN     "regionId" INTEGER;

-- AlterTable
ALTER TABLE "ReportEvidence" ADD COLUMN     "storedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReportStaffMessage" ADD COLUMN     "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ReportDraft" (
    "citizenId" INTEGER NOT NULL,
    "categoryId" INTEGER,
    "regionId" INTEGER,
    "districtId" INTEGER,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "address" TEXT,
    "description" TEXT,
    "anonymous" BOOLEAN,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportDraft_pkey" PRIMARY KEY ("citizenId")
);

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDraft" ADD CONSTRAINT "ReportDraft_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
