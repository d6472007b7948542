-- CreateEnum
CREATE TYPE "AskerGroup" AS ENUM ('individual', 'ngo', 'initiative_group', 'business', 'state_body');

-- CreateEnum
CREATE TYPE "QuestionState" AS ENUM ('waiting', 'claimed', 'answered', 'closed');

-- CreateEnum
CREATE TYPE "ConsultationResult" AS ENUM ('answered', 'referred', 'not_in_scope', 'self_served');

-- CreateEnum
CREATE TYPE "ConsultationChannel" AS ENUM ('bot', 'phone', 'in_person', 'online_meeting');

-- CreateEnum
CREATE TYPE "DiscussionStatus" AS ENUM ('draft', 'open', 'closed', 'reviewed');

-- CreateEnum
CREATE TYPE "CommentStance" AS ENUM ('support', 'object');

-- CreateEnum
CREATE TYPE "CommentDecision" AS ENUM ('accepted', 'partly_accepted', 'rejected');

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "stateBodyId" INTEGER;

-- CreateTable
CREATE TABLE "ConsultationTopic" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "areaId" INTEGER,
    "responseDays" INTEGER NOT NULL DEFAULT 2,
    "telegramChatId" BIGINT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsultationTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "askerGroup" "AskerGroup" NOT NULL,
    "regionId" INTEGER,
    "text" TEXT NOT NULL,
    "state" "QuestionState" NOT NULL DEFAULT 'waiting',
    "consultantId" INTEGER,
    "claimedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3) NOT NULL,
    "firstAnsweredAt" TIMESTAMP(3),
    "lastAnsweredAt" TIMESTAMP(3),
    "followUpAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "result" "ConsultationResult",
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),
    "ratingAskedAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionMessage" (
    "id" SERIAL NOT NULL,
    "questionId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "authorType" TEXT NOT NULL,
    "staffUserId" INTEGER,
    "text" TEXT,
    "attachment" JSONB,
    "data" JSONB,

    CONSTRAINT "QuestionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqArticle" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "bodyKk" TEXT NOT NULL,
    "bodyRu" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "sourceQuestionId" INTEGER,
    "shownCount" INTEGER NOT NULL DEFAULT 0,
    "helpedCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" SERIAL NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "channel" "ConsultationChannel" NOT NULL,
    "topicId" INTEGER NOT NULL,
    "askerGroup" "AskerGroup" NOT NULL,
    "regionId" INTEGER,
    "consultantId" INTEGER,
    "questionId" INTEGER,
    "summary" TEXT NOT NULL,
    "result" "ConsultationResult" NOT NULL,
    "responseMinutes" INTEGER,
    "satisfaction" INTEGER,
    "faqArticleId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StateBody" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "regionId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "StateBody_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionTopic" (
    "id" SERIAL NOT NULL,
    "stateBodyId" INTEGER NOT NULL,
    "regionId" INTEGER,
    "areaId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "fundingThousandTenge" DECIMAL(16,1) NOT NULL,
    "justificationKk" TEXT NOT NULL,
    "justificationRu" TEXT NOT NULL,
    "informationSource" TEXT NOT NULL,
    "targetGroupKk" TEXT NOT NULL,
    "targetGroupRu" TEXT NOT NULL,
    "expectedResultKk" TEXT NOT NULL,
    "expectedResultRu" TEXT NOT NULL,
    "status" "DiscussionStatus" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reviewDueAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewOverdueAt" TIMESTAMP(3),
    "reviewEscalatedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscussionTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionComment" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "citizenId" INTEGER,
    "authorName" TEXT NOT NULL,
    "organisation" TEXT,
    "text" TEXT NOT NULL,
    "stance" "CommentStance",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "CommentDecision",
    "decisionReason" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" TIMESTAMP(3),
    "moderatedById" INTEGER,
    "moderatedAt" TIMESTAMP(3),
    "moderationNote" TEXT,

    CONSTRAINT "DiscussionComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentFlag" (
    "commentId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentFlag_pkey" PRIMARY KEY ("commentId","citizenId")
);

-- CreateTable
CREATE TABLE "TopicAreaSubscription" (
    "citizenId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicAreaSubscription_pkey" PRIMARY KEY ("citizenId","areaId")
);

-- CreateTable
CREATE TABLE "TopicRegionSubscription" (
    "citizenId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicRegionSubscription_pkey" PRIMARY KEY ("citizenId","regionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationTopic_code_key" ON "ConsultationTopic"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Question_number_key" ON "Question"("number");

-- CreateIndex
CREATE INDEX "Question_state_topicId_createdAt_idx" ON "Question"("state", "topicId", "createdAt");

-- CreateIndex
CREATE INDEX "Question_consultantId_state_idx" ON "Question"("consultantId", "state");

-- CreateIndex
CREATE INDEX "Question_citizenId_createdAt_idx" ON "Question"("citizenId", "createdAt");

-- CreateIndex
CREATE INDEX "Question_dueAt_idx" ON "Question"("dueAt");

-- CreateIndex
CREATE INDEX "QuestionMessage_questionId_at_idx" ON "QuestionMessage"("questionId", "at");

-- CreateIndex
CREATE INDEX "FaqArticle_topicId_published_idx" ON "FaqArticle"("topicId", "published");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_questionId_key" ON "Consultation"("questionId");

-- CreateIndex
CREATE INDEX "Consultation_date_idx" ON "Consultation"("date");

-- CreateIndex
CREATE INDEX "Consultation_topicId_date_idx" ON "Consultation"("topicId", "date");

-- CreateIndex
CREATE INDEX "Consultation_consultantId_date_idx" ON "Consultation"("consultantId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "StateBody_code_key" ON "StateBody"("code");

-- CreateIndex
CREATE INDEX "DiscussionTopic_status_endsAt_idx" ON "DiscussionTopic"("status", "endsAt");

-- CreateIndex
CREATE INDEX "DiscussionTopic_stateBodyId_year_idx" ON "DiscussionTopic"("stateBodyId", "year");

-- CreateIndex
CREATE INDEX "DiscussionTopic_regionId_areaId_status_idx" ON "DiscussionTopic"("regionId", "areaId", "status");

-- CreateIndex
CREATE INDEX "DiscussionComment_topicId_createdAt_idx" ON "DiscussionComment"("topicId", "createdAt");

-- CreateIndex
CREATE INDEX "DiscussionComment_citizenId_idx" ON "DiscussionComment"("citizenId");

-- CreateIndex
CREATE INDEX "TopicAreaSubscription_areaId_idx" ON "TopicAreaSubscription"("areaId");

-- CreateIndex
CREATE INDEX "TopicRegionSubscription_regionId_idx" ON "TopicRegionSubscription"("regionId");

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationTopic" ADD CONSTRAINT "ConsultationTopic_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsultationTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionMessage" ADD CONSTRAINT "QuestionMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqArticle" ADD CONSTRAINT "FaqArticle_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsultationTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsultationTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateBody" ADD CONSTRAINT "StateBody_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionTopic" ADD CONSTRAINT "DiscussionTopic_stateBodyId_fkey" FOREIGN KEY ("stateBodyId") REFERENCES "StateBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionTopic" ADD CONSTRAINT "DiscussionTopic_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionTopic" ADD CONSTRAINT "DiscussionTopic_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionComment" ADD CONSTRAINT "DiscussionComment_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "DiscussionTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionComment" ADD CONSTRAINT "DiscussionComment_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentFlag" ADD CONSTRAINT "CommentFlag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "DiscussionComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentFlag" ADD CONSTRAINT "CommentFlag_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicAreaSubscription" ADD CONSTRAINT "TopicAreaSubscription_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicAreaSubscription" ADD CONSTRAINT "TopicAreaSubscription_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRegionSubscription" ADD CONSTRAINT "TopicRegionSubscription_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRegionSubscription" ADD CONSTRAINT "TopicRegionSubscription_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
