-- CreateEnum
CREATE TYPE "DeclarationPurpose" AS ENUM ('evaluation', 'monitoring');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('training', 'consulting', 'information_methodology', 'research_analytics', 'resource_centre');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('planned', 'in_progress', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "MonitorKind" AS ENUM ('self', 'independent');

-- CreateEnum
CREATE TYPE "MonitoringTool" AS ENUM ('indicators', 'mystery_shopper', 'survey', 'document_review', 'social_media');

-- CreateEnum
CREATE TYPE "ActivityCheck" AS ENUM ('done', 'partly', 'not_done', 'not_due');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('open', 'done', 'not_done');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('invited', 'active', 'refused_conflict', 'withdrawn');

-- CreateEnum
CREATE TYPE "PlannedSource" AS ENUM ('topic', 'manual');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('half_year', 'annual');

-- CreateEnum
CREATE TYPE "FormKind" AS ENUM ('annex3', 'annex9_half', 'annex9_annual', 'annex8');

-- AlterEnum
ALTER TYPE "ConflictKind" ADD VALUE 'other';

-- DropIndex
DROP INDEX "ConflictDeclaration_projectId_staffUserId_key";

-- AlterTable
ALTER TABLE "ConflictDeclaration" ADD COLUMN     "answers" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "purpose" "DeclarationPurpose" NOT NULL DEFAULT 'evaluation';

-- AlterTable
ALTER TABLE "ProjectEvent" ADD COLUMN     "activityId" INTEGER;

-- AlterTable
ALTER TABLE "SocialProject" ADD COLUMN     "coverageTarget" INTEGER,
ADD COLUMN     "monitorId" INTEGER,
ADD COLUMN     "plannedProjectId" INTEGER,
ADD COLUMN     "plannedSum" DECIMAL(16,1),
ADD COLUMN     "serviceKinds" "ServiceKind"[] DEFAULT ARRAY[]::"ServiceKind"[],
ADD COLUMN     "supplierContactId" INTEGER,
ADD COLUMN     "supplierInviteCode" TEXT;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "supplierBin" TEXT;

-- AlterTable
ALTER TABLE "StateBody" ADD COLUMN     "headName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "headPositionKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "headPositionRu" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "MciRate" (
    "year" INTEGER NOT NULL,
    "tenge" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'default',
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MciRate_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "ProjectActivity" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "unitKk" TEXT NOT NULL DEFAULT '',
    "unitRu" TEXT NOT NULL DEFAULT '',
    "plannedQuantity" DECIMAL(12,2),
    "dueOn" DATE,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringRound" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "plannedOn" DATE NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'planned',
    "conductedBy" "MonitorKind" NOT NULL,
    "conductorId" INTEGER,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedById" INTEGER,
    "summary" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB,
    "cancelReason" TEXT,
    "remindedAt" TIMESTAMP(3),
    "overdueAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundTool" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "tool" "MonitoringTool" NOT NULL,
    "findings" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundActivity" (
    "roundId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "doneQuantity" DECIMAL(12,2),
    "status" "ActivityCheck" NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "RoundActivity_pkey" PRIMARY KEY ("roundId","activityId")
);

-- CreateTable
CREATE TABLE "StandardItem" (
    "id" SERIAL NOT NULL,
    "serviceKind" "ServiceKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "textKk" TEXT NOT NULL,
    "textRu" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "StandardItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundStandardCheck" (
    "roundId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "compliant" BOOLEAN,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "RoundStandardCheck_pkey" PRIMARY KEY ("roundId","itemId")
);

-- CreateTable
CREATE TABLE "MonitoringMeasure" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "MeasureStatus" NOT NULL DEFAULT 'open',
    "sentAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3),
    "reportNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" INTEGER,
    "closeNote" TEXT,
    "overdueAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentRequest" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE,
    "requestedById" INTEGER NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "receivedNote" TEXT,
    "recordedById" INTEGER,
    "overdueAt" TIMESTAMP(3),

    CONSTRAINT "DocumentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentFile" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "telegramFileId" TEXT NOT NULL,
    "fileUniqueId" TEXT NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "fileSize" INTEGER,
    "storedPath" TEXT,
    "citizenId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorAssignment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "expertId" INTEGER NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'invited',
    "invitedById" INTEGER NOT NULL,
    "invitedAt" TIMESTAMP(3) NOT NULL,
    "declarationId" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawReason" TEXT,

    CONSTRAINT "MonitorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedProject" (
    "id" SERIAL NOT NULL,
    "stateBodyId" INTEGER NOT NULL,
    "planYear" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "plannedSum" DECIMAL(16,1) NOT NULL,
    "summaryKk" TEXT NOT NULL,
    "summaryRu" TEXT NOT NULL,
    "source" "PlannedSource" NOT NULL,
    "topicId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlannedProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" SERIAL NOT NULL,
    "stateBodyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "signerName" TEXT NOT NULL DEFAULT '',
    "signerPositionKk" TEXT NOT NULL DEFAULT '',
    "signerPositionRu" TEXT NOT NULL DEFAULT '',
    "signerActing" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedById" INTEGER,
    "snapshot" JSONB,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReportRow" (
    "reportId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "col7Kk" TEXT NOT NULL,
    "col7Ru" TEXT NOT NULL,
    "draftedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "editedById" INTEGER,

    CONSTRAINT "MonitoringReportRow_pkey" PRIMARY KEY ("reportId","projectId")
);

-- CreateTable
CREATE TABLE "FormDeadline" (
    "id" SERIAL NOT NULL,
    "kind" "FormKind" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "stateBodyId" INTEGER,
    "projectId" INTEGER,
    "year" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,
    "doneNote" TEXT,
    "dueOverride" BOOLEAN NOT NULL DEFAULT false,
    "remindedAt" TIMESTAMP(3),
    "overdueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringAlert" (
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "occurrence" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringAlert_pkey" PRIMARY KEY ("kind","subjectId","occurrence")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectActivity_projectId_position_key" ON "ProjectActivity"("projectId", "position");

-- CreateIndex
CREATE INDEX "MonitoringRound_projectId_year_status_idx" ON "MonitoringRound"("projectId", "year", "status");

-- CreateIndex
CREATE INDEX "MonitoringRound_status_plannedOn_idx" ON "MonitoringRound"("status", "plannedOn");

-- CreateIndex
CREATE UNIQUE INDEX "RoundTool_roundId_tool_key" ON "RoundTool"("roundId", "tool");

-- CreateIndex
CREATE INDEX "StandardItem_serviceKind_active_idx" ON "StandardItem"("serviceKind", "active");

-- CreateIndex
CREATE INDEX "MonitoringMeasure_projectId_status_idx" ON "MonitoringMeasure"("projectId", "status");

-- CreateIndex
CREATE INDEX "MonitoringMeasure_status_dueOn_idx" ON "MonitoringMeasure"("status", "dueOn");

-- CreateIndex
CREATE INDEX "DocumentRequest_projectId_idx" ON "DocumentRequest"("projectId");

-- CreateIndex
CREATE INDEX "DocumentRequest_receivedAt_dueOn_idx" ON "DocumentRequest"("receivedAt", "dueOn");

-- CreateIndex
CREATE INDEX "DocumentFile_requestId_idx" ON "DocumentFile"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorAssignment_declarationId_key" ON "MonitorAssignment"("declarationId");

-- CreateIndex
CREATE INDEX "MonitorAssignment_expertId_status_idx" ON "MonitorAssignment"("expertId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorAssignment_projectId_expertId_key" ON "MonitorAssignment"("projectId", "expertId");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedProject_topicId_key" ON "PlannedProject"("topicId");

-- CreateIndex
CREATE INDEX "PlannedProject_stateBodyId_planYear_areaId_idx" ON "PlannedProject"("stateBodyId", "planYear", "areaId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringReport_stateBodyId_year_kind_key" ON "MonitoringReport"("stateBodyId", "year", "kind");

-- CreateIndex
CREATE INDEX "FormDeadline_doneAt_dueAt_idx" ON "FormDeadline"("doneAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "FormDeadline_kind_subjectKey_year_key" ON "FormDeadline"("kind", "subjectKey", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_projectId_staffUserId_purpose_key" ON "ConflictDeclaration"("projectId", "staffUserId", "purpose");

-- CreateIndex
CREATE INDEX "ProjectEvent_activityId_idx" ON "ProjectEvent"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialProject_supplierInviteCode_key" ON "SocialProject"("supplierInviteCode");

-- CreateIndex
CREATE UNIQUE INDEX "SocialProject_plannedProjectId_key" ON "SocialProject"("plannedProjectId");

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_supplierContactId_fkey" FOREIGN KEY ("supplierContactId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_plannedProjectId_fkey" FOREIGN KEY ("plannedProjectId") REFERENCES "PlannedProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProjectActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectActivity" ADD CONSTRAINT "ProjectActivity_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringRound" ADD CONSTRAINT "MonitoringRound_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundTool" ADD CONSTRAINT "RoundTool_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MonitoringRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundActivity" ADD CONSTRAINT "RoundActivity_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MonitoringRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundActivity" ADD CONSTRAINT "RoundActivity_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProjectActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundStandardCheck" ADD CONSTRAINT "RoundStandardCheck_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MonitoringRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundStandardCheck" ADD CONSTRAINT "RoundStandardCheck_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "StandardItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringMeasure" ADD CONSTRAINT "MonitoringMeasure_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MonitoringRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringMeasure" ADD CONSTRAINT "MonitoringMeasure_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRequest" ADD CONSTRAINT "DocumentRequest_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "MonitoringRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRequest" ADD CONSTRAINT "DocumentRequest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DocumentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFile" ADD CONSTRAINT "DocumentFile_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorAssignment" ADD CONSTRAINT "MonitorAssignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorAssignment" ADD CONSTRAINT "MonitorAssignment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "ConflictDeclaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedProject" ADD CONSTRAINT "PlannedProject_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedProject" ADD CONSTRAINT "PlannedProject_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedProject" ADD CONSTRAINT "PlannedProject_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "DiscussionTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReportRow" ADD CONSTRAINT "MonitoringReportRow_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReportRow" ADD CONSTRAINT "MonitoringReportRow_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDeadline" ADD CONSTRAINT "FormDeadline_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDeadline" ADD CONSTRAINT "FormDeadline_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
