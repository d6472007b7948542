-- CreateEnum
CREATE TYPE "LogframeLevel" AS ENUM ('goal', 'outcome', 'output', 'activity');

-- CreateEnum
CREATE TYPE "IndicatorSource" AS ENUM ('manual', 'beneficiaries', 'beneficiaries_group', 'event_attendance', 'events_held', 'poll_question', 'consultations', 'volunteer_hours', 'people_helped');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('cumulative', 'in_period');

-- CreateEnum
CREATE TYPE "CollectionSchedule" AS ENUM ('month', 'quarter', 'half', 'year', 'end');

-- CreateEnum
CREATE TYPE "StoryConsent" AS ENUM ('private', 'anonymous', 'named');

-- CreateEnum
CREATE TYPE "StoryStatus" AS ENUM ('draft', 'submitted', 'withdrawn');

-- CreateEnum
CREATE TYPE "SroiInputKind" AS ENUM ('contract', 'cofunding', 'in_kind', 'volunteer_time');

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "projectId" INTEGER;

-- CreateTable
CREATE TABLE "ResultNode" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "level" "LogframeLevel" NOT NULL,
    "parentId" INTEGER,
    "position" INTEGER NOT NULL,
    "textKk" TEXT NOT NULL,
    "textRu" TEXT NOT NULL,
    "assumptionsKk" TEXT NOT NULL DEFAULT '',
    "assumptionsRu" TEXT NOT NULL DEFAULT '',
    "activityId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultIndicator" (
    "id" SERIAL NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "unitKk" TEXT NOT NULL,
    "unitRu" TEXT NOT NULL,
    "baseline" DECIMAL(14,2) NOT NULL,
    "baselineOn" DATE,
    "target" DECIMAL(14,2) NOT NULL,
    "targetOn" DATE,
    "verificationKk" TEXT NOT NULL,
    "verificationRu" TEXT NOT NULL,
    "schedule" "CollectionSchedule" NOT NULL DEFAULT 'quarter',
    "source" "IndicatorSource" NOT NULL DEFAULT 'manual',
    "sourceConfig" JSONB NOT NULL DEFAULT '{}',
    "aggregation" "Aggregation" NOT NULL DEFAULT 'cumulative',
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "evidenceText" TEXT NOT NULL,
    "evidenceUrl" TEXT,
    "evidencePath" TEXT,
    "evidenceName" TEXT,
    "enteredById" INTEGER NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeMeasure" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "favourableCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryCall" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "promptKk" TEXT NOT NULL,
    "promptRu" TEXT NOT NULL,
    "inviteCode" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "sendRequestedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryInvitation" (
    "callId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "citizenId" INTEGER,
    "outboxId" INTEGER,
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "StoryInvitation_pkey" PRIMARY KEY ("callId","beneficiaryId")
);

-- CreateTable
CREATE TABLE "ChangeStory" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "callId" INTEGER,
    "citizenId" INTEGER,
    "locale" TEXT NOT NULL,
    "text" TEXT,
    "whyText" TEXT,
    "voiceFileId" TEXT,
    "voiceUniqueId" TEXT,
    "voiceSeconds" INTEGER,
    "voicePath" TEXT,
    "consent" "StoryConsent",
    "publicName" TEXT,
    "status" "StoryStatus" NOT NULL DEFAULT 'draft',
    "periodKey" TEXT,
    "submittedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "transcript" TEXT,
    "publishedText" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeStory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorySelection" (
    "id" SERIAL NOT NULL,
    "storyId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "selectedById" INTEGER NOT NULL,
    "selectedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorySelection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancialProxy" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "unitKk" TEXT NOT NULL,
    "unitRu" TEXT NOT NULL,
    "valueTenge" DECIMAL(14,2) NOT NULL,
    "year" INTEGER,
    "source" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'default',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancialProxy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SroiSetup" (
    "projectId" INTEGER NOT NULL,
    "discountRatePct" DECIMAL(5,2) NOT NULL DEFAULT 5,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SroiSetup_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "SroiInput" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kind" "SroiInputKind" NOT NULL,
    "labelKk" TEXT NOT NULL,
    "labelRu" TEXT NOT NULL,
    "amountTenge" DECIMAL(16,2) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "SroiInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SroiOutcome" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "indicatorId" INTEGER,
    "quantity" DECIMAL(14,2),
    "proxyId" INTEGER NOT NULL,
    "proxyValueTenge" DECIMAL(14,2) NOT NULL,
    "durationYears" INTEGER NOT NULL,
    "deadweightPct" DECIMAL(5,2) NOT NULL,
    "attributionPct" DECIMAL(5,2) NOT NULL,
    "displacementPct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "dropOffPct" DECIMAL(5,2) NOT NULL,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "SroiOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorReminder" (
    "indicatorId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorReminder_pkey" PRIMARY KEY ("indicatorId","periodKey")
);

-- CreateIndex
CREATE INDEX "ResultNode_projectId_level_idx" ON "ResultNode"("projectId", "level");

-- CreateIndex
CREATE INDEX "ResultIndicator_projectId_idx" ON "ResultIndicator"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_periodKey_key" ON "IndicatorValue"("indicatorId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeMeasure_questionId_key" ON "OutcomeMeasure"("questionId");

-- CreateIndex
CREATE INDEX "OutcomeMeasure_projectId_idx" ON "OutcomeMeasure"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "StoryCall_inviteCode_key" ON "StoryCall"("inviteCode");

-- CreateIndex
CREATE INDEX "ChangeStory_projectId_status_periodKey_idx" ON "ChangeStory"("projectId", "status", "periodKey");

-- CreateIndex
CREATE INDEX "ChangeStory_citizenId_idx" ON "ChangeStory"("citizenId");

-- CreateIndex
CREATE INDEX "ChangeStory_publishedAt_idx" ON "ChangeStory"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeStory_callId_citizenId_key" ON "ChangeStory"("callId", "citizenId");

-- CreateIndex
CREATE INDEX "StorySelection_projectId_periodKey_idx" ON "StorySelection"("projectId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "StorySelection_storyId_periodKey_key" ON "StorySelection"("storyId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "FinancialProxy_code_key" ON "FinancialProxy"("code");

-- CreateIndex
CREATE INDEX "SroiInput_projectId_idx" ON "SroiInput"("projectId");

-- CreateIndex
CREATE INDEX "SroiOutcome_projectId_idx" ON "SroiOutcome"("projectId");

-- CreateIndex
CREATE INDEX "Consultation_projectId_date_idx" ON "Consultation"("projectId", "date");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultNode" ADD CONSTRAINT "ResultNode_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultNode" ADD CONSTRAINT "ResultNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ResultNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultNode" ADD CONSTRAINT "ResultNode_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProjectActivity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultIndicator" ADD CONSTRAINT "ResultIndicator_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "ResultNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ResultIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMeasure" ADD CONSTRAINT "OutcomeMeasure_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "PollQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMeasure" ADD CONSTRAINT "OutcomeMeasure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ResultIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryCall" ADD CONSTRAINT "StoryCall_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryInvitation" ADD CONSTRAINT "StoryInvitation_callId_fkey" FOREIGN KEY ("callId") REFERENCES "StoryCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeStory" ADD CONSTRAINT "ChangeStory_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeStory" ADD CONSTRAINT "ChangeStory_callId_fkey" FOREIGN KEY ("callId") REFERENCES "StoryCall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorySelection" ADD CONSTRAINT "StorySelection_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "ChangeStory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SroiInput" ADD CONSTRAINT "SroiInput_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SroiOutcome" ADD CONSTRAINT "SroiOutcome_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SroiOutcome" ADD CONSTRAINT "SroiOutcome_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ResultIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SroiOutcome" ADD CONSTRAINT "SroiOutcome_proxyId_fkey" FOREIGN KEY ("proxyId") REFERENCES "FinancialProxy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
