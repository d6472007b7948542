-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('draft', 'active', 'finished');

-- CreateEnum
CREATE TYPE "BeneficiarySource" AS ENUM ('invitation', 'import');

-- CreateEnum
CREATE TYPE "PollStatus" AS ENUM ('draft', 'ready', 'archived');

-- CreateEnum
CREATE TYPE "PollQuestionType" AS ENUM ('satisfaction', 'rating', 'single', 'multiple', 'yes_no', 'text');

-- CreateEnum
CREATE TYPE "PollWaveStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "PollInvitationStatus" AS ENUM ('pending', 'queued', 'sent', 'blocked', 'failed');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('membership', 'governance', 'payments', 'family');

-- AlterTable
ALTER TABLE "Citizen" ADD COLUMN     "profileAskedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SocialProject" (
    "id" SERIAL NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "supplierName" TEXT NOT NULL,
    "supplierBin" TEXT,
    "contractSum" DECIMAL(16,1) NOT NULL,
    "goalsKk" TEXT NOT NULL DEFAULT '',
    "goalsRu" TEXT NOT NULL DEFAULT '',
    "objectivesKk" TEXT NOT NULL DEFAULT '',
    "objectivesRu" TEXT NOT NULL DEFAULT '',
    "activitiesKk" TEXT NOT NULL DEFAULT '',
    "activitiesRu" TEXT NOT NULL DEFAULT '',
    "resultsKk" TEXT NOT NULL DEFAULT '',
    "resultsRu" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "areaId" INTEGER NOT NULL,
    "regionId" INTEGER,
    "stateBodyId" INTEGER,
    "status" "ProjectStatus" NOT NULL DEFAULT 'draft',
    "inviteCode" TEXT NOT NULL,
    "councilId" INTEGER,
    "createdById" INTEGER,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SocialProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "completeness" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectBeneficiary" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "citizenId" INTEGER,
    "source" "BeneficiarySource" NOT NULL,
    "fullName" TEXT,
    "phone" TEXT,
    "gender" "Gender",
    "birthYear" INTEGER,
    "socialStatus" TEXT,
    "externalRef" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "ProjectBeneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Poll" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "introKk" TEXT NOT NULL DEFAULT '',
    "introRu" TEXT NOT NULL DEFAULT '',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" "PollStatus" NOT NULL DEFAULT 'draft',
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollQuestion" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "PollQuestionType" NOT NULL,
    "textKk" TEXT NOT NULL,
    "textRu" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "options" JSONB,
    "showIfQuestionId" INTEGER,
    "showIfAnswers" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "PollQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollWave" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "inviteCode" TEXT NOT NULL,
    "labelKk" TEXT NOT NULL,
    "labelRu" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "PollWaveStatus" NOT NULL DEFAULT 'draft',
    "reminderAfterHours" INTEGER NOT NULL DEFAULT 72,
    "sendRequestedAt" TIMESTAMP(3),
    "sendRequestedById" INTEGER,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollWave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollInvitation" (
    "id" SERIAL NOT NULL,
    "waveId" INTEGER NOT NULL,
    "beneficiaryId" INTEGER NOT NULL,
    "status" "PollInvitationStatus" NOT NULL DEFAULT 'pending',
    "outboxId" INTEGER,
    "reminderOutboxId" INTEGER,
    "queuedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollResponseDraft" (
    "id" SERIAL NOT NULL,
    "waveId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "path" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollResponseDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollResponse" (
    "id" SERIAL NOT NULL,
    "waveId" INTEGER NOT NULL,
    "citizenId" INTEGER,
    "gender" "Gender",
    "ageBracket" TEXT,
    "socialStatus" TEXT,
    "locale" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollAnswer" (
    "id" SERIAL NOT NULL,
    "responseId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "choice" TEXT,
    "choices" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rating" INTEGER,
    "text" TEXT,

    CONSTRAINT "PollAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertCouncil" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" INTEGER,
    "stateBodyId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertCouncil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertCouncilMember" (
    "id" SERIAL NOT NULL,
    "councilId" INTEGER NOT NULL,
    "staffUserId" INTEGER NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertCouncilMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "staffUserId" INTEGER NOT NULL,
    "conflicts" "ConflictKind"[] DEFAULT ARRAY[]::"ConflictKind"[],
    "details" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertScore" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "staffUserId" INTEGER NOT NULL,
    "criterion" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SocialProject_inviteCode_key" ON "SocialProject"("inviteCode");

-- CreateIndex
CREATE INDEX "SocialProject_status_regionId_idx" ON "SocialProject"("status", "regionId");

-- CreateIndex
CREATE INDEX "SocialProject_stateBodyId_endsOn_idx" ON "SocialProject"("stateBodyId", "endsOn");

-- CreateIndex
CREATE INDEX "ProjectEvent_projectId_heldOn_idx" ON "ProjectEvent"("projectId", "heldOn");

-- CreateIndex
CREATE INDEX "ProjectBeneficiary_projectId_joinedAt_idx" ON "ProjectBeneficiary"("projectId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectBeneficiary_projectId_citizenId_key" ON "ProjectBeneficiary"("projectId", "citizenId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectBeneficiary_projectId_externalRef_key" ON "ProjectBeneficiary"("projectId", "externalRef");

-- CreateIndex
CREATE INDEX "Poll_projectId_idx" ON "Poll"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "PollQuestion_pollId_position_key" ON "PollQuestion"("pollId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PollWave_inviteCode_key" ON "PollWave"("inviteCode");

-- CreateIndex
CREATE INDEX "PollWave_status_closesAt_idx" ON "PollWave"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "PollWave_pollId_position_key" ON "PollWave"("pollId", "position");

-- CreateIndex
CREATE INDEX "PollInvitation_waveId_status_idx" ON "PollInvitation"("waveId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PollInvitation_waveId_beneficiaryId_key" ON "PollInvitation"("waveId", "beneficiaryId");

-- CreateIndex
CREATE UNIQUE INDEX "PollResponseDraft_waveId_citizenId_key" ON "PollResponseDraft"("waveId", "citizenId");

-- CreateIndex
CREATE INDEX "PollResponse_waveId_submittedAt_idx" ON "PollResponse"("waveId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PollResponse_waveId_citizenId_key" ON "PollResponse"("waveId", "citizenId");

-- CreateIndex
CREATE INDEX "PollAnswer_questionId_choice_idx" ON "PollAnswer"("questionId", "choice");

-- CreateIndex
CREATE UNIQUE INDEX "PollAnswer_responseId_questionId_key" ON "PollAnswer"("responseId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertCouncilMember_councilId_staffUserId_key" ON "ExpertCouncilMember"("councilId", "staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_projectId_staffUserId_key" ON "ConflictDeclaration"("projectId", "staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertScore_projectId_staffUserId_criterion_key" ON "ExpertScore"("projectId", "staffUserId", "criterion");

-- AddForeignKey
ALTER TABLE "VolunteerOpportunity" ADD CONSTRAINT "VolunteerOpportunity_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialProject" ADD CONSTRAINT "SocialProject_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "ExpertCouncil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectBeneficiary" ADD CONSTRAINT "ProjectBeneficiary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectBeneficiary" ADD CONSTRAINT "ProjectBeneficiary_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollQuestion" ADD CONSTRAINT "PollQuestion_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollWave" ADD CONSTRAINT "PollWave_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollInvitation" ADD CONSTRAINT "PollInvitation_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "PollWave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollInvitation" ADD CONSTRAINT "PollInvitation_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "ProjectBeneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollResponseDraft" ADD CONSTRAINT "PollResponseDraft_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "PollWave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollResponse" ADD CONSTRAINT "PollResponse_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "PollWave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollAnswer" ADD CONSTRAINT "PollAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "PollResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollAnswer" ADD CONSTRAINT "PollAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "PollQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertCouncilMember" ADD CONSTRAINT "ExpertCouncilMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "ExpertCouncil"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertScore" ADD CONSTRAINT "ExpertScore_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
