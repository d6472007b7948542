-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('proposed', 'returned', 'rejected', 'published', 'in_progress', 'implemented', 'closed');

-- CreateEnum
CREATE TYPE "InitiativeHelp" AS ENUM ('volunteers', 'ngo_expertise', 'patron_money', 'patron_materials', 'akimat');

-- CreateEnum
CREATE TYPE "InitiativeActorKind" AS ENUM ('ngo', 'initiative_group', 'akimat', 'social_project', 'business');

-- CreateEnum
CREATE TYPE "PatronContribution" AS ENUM ('money', 'materials', 'services');

-- CreateEnum
CREATE TYPE "SatisfactionAnswer" AS ENUM ('fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say');

-- AlterTable
ALTER TABLE "DiscussionTopic" ADD COLUMN     "sourceInitiativeId" INTEGER;

-- AlterTable
ALTER TABLE "PublicComment" ADD COLUMN     "initiativeId" INTEGER;

-- AlterTable
ALTER TABLE "PublicCommentDraft" ADD COLUMN     "initiativeId" INTEGER;

-- AlterTable
ALTER TABLE "VolunteerOpportunity" ADD COLUMN     "initiativeId" INTEGER;

-- CreateTable
CREATE TABLE "Initiative" (
    "id" SERIAL NOT NULL,
    "citizenId" INTEGER,
    "organisation" TEXT,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "districtId" INTEGER,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "address" TEXT,
    "helpNeeded" "InitiativeHelp"[],
    "status" "InitiativeStatus" NOT NULL DEFAULT 'proposed',
    "reasonCode" TEXT,
    "reasonNote" TEXT,
    "duplicateOfId" INTEGER,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "projectId" INTEGER,
    "resultKk" TEXT,
    "resultRu" TEXT,
    "servedCount" INTEGER,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "implementedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeDraft" (
    "citizenId" INTEGER NOT NULL,
    "initiativeId" INTEGER,
    "organisation" TEXT,
    "areaId" INTEGER,
    "regionId" INTEGER,
    "districtId" INTEGER,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "address" TEXT,
    "placeDone" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "description" TEXT,
    "justification" TEXT,
    "helpNeeded" "InitiativeHelp"[] DEFAULT ARRAY[]::"InitiativeHelp"[],
    "helpDone" BOOLEAN NOT NULL DEFAULT false,
    "photos" JSONB NOT NULL DEFAULT '[]',
    "photosDone" BOOLEAN NOT NULL DEFAULT false,
    "showName" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InitiativeDraft_pkey" PRIMARY KEY ("citizenId")
);

-- CreateTable
CREATE TABLE "InitiativeEvent" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "fromStatus" "InitiativeStatus",
    "toStatus" "InitiativeStatus",
    "publicNote" TEXT,
    "data" JSONB,

    CONSTRAINT "InitiativeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeFollower" (
    "initiativeId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "supported" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InitiativeFollower_pkey" PRIMARY KEY ("initiativeId","citizenId")
);

-- CreateTable
CREATE TABLE "InitiativePartner" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "kind" "InitiativeActorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "bin" TEXT,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "role" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativePartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativePatron" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "isPerson" BOOLEAN NOT NULL,
    "public" BOOLEAN NOT NULL,
    "contribution" "PatronContribution" NOT NULL,
    "amountTenge" DECIMAL(16,0),
    "description" TEXT,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativePatron_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeUpdate" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "percent" INTEGER NOT NULL,
    "textKk" TEXT NOT NULL,
    "textRu" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativePhoto" (
    "id" SERIAL NOT NULL,
    "initiativeId" INTEGER NOT NULL,
    "updateId" INTEGER,
    "telegramFileId" TEXT,
    "storedPath" TEXT,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "fileSize" INTEGER,
    "withheldAt" TIMESTAMP(3),
    "withheldById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeRating" (
    "initiativeId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "satisfaction" "SatisfactionAnswer",
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InitiativeRating_pkey" PRIMARY KEY ("initiativeId","citizenId")
);

-- CreateIndex
CREATE INDEX "Initiative_status_regionId_districtId_publishedAt_idx" ON "Initiative"("status", "regionId", "districtId", "publishedAt");

-- CreateIndex
CREATE INDEX "Initiative_areaId_status_idx" ON "Initiative"("areaId", "status");

-- CreateIndex
CREATE INDEX "Initiative_implementedAt_idx" ON "Initiative"("implementedAt");

-- CreateIndex
CREATE INDEX "Initiative_citizenId_submittedAt_idx" ON "Initiative"("citizenId", "submittedAt");

-- CreateIndex
CREATE INDEX "InitiativeEvent_initiativeId_at_idx" ON "InitiativeEvent"("initiativeId", "at");

-- CreateIndex
CREATE INDEX "InitiativeFollower_citizenId_idx" ON "InitiativeFollower"("citizenId");

-- CreateIndex
CREATE INDEX "InitiativeFollower_createdAt_idx" ON "InitiativeFollower"("createdAt");

-- CreateIndex
CREATE INDEX "InitiativePartner_initiativeId_idx" ON "InitiativePartner"("initiativeId");

-- CreateIndex
CREATE INDEX "InitiativePatron_initiativeId_idx" ON "InitiativePatron"("initiativeId");

-- CreateIndex
CREATE INDEX "InitiativeUpdate_initiativeId_heldOn_idx" ON "InitiativeUpdate"("initiativeId", "heldOn");

-- CreateIndex
CREATE INDEX "InitiativePhoto_initiativeId_idx" ON "InitiativePhoto"("initiativeId");

-- CreateIndex
CREATE INDEX "InitiativeRating_createdAt_idx" ON "InitiativeRating"("createdAt");

-- CreateIndex
CREATE INDEX "PublicComment_initiativeId_hidden_createdAt_idx" ON "PublicComment"("initiativeId", "hidden", "createdAt");

-- CreateIndex
CREATE INDEX "VolunteerOpportunity_initiativeId_idx" ON "VolunteerOpportunity"("initiativeId");

-- AddForeignKey
ALTER TABLE "DiscussionTopic" ADD CONSTRAINT "DiscussionTopic_sourceInitiativeId_fkey" FOREIGN KEY ("sourceInitiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOpportunity" ADD CONSTRAINT "VolunteerOpportunity_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SocialProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDraft" ADD CONSTRAINT "InitiativeDraft_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeEvent" ADD CONSTRAINT "InitiativeEvent_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeFollower" ADD CONSTRAINT "InitiativeFollower_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeFollower" ADD CONSTRAINT "InitiativeFollower_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePartner" ADD CONSTRAINT "InitiativePartner_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePatron" ADD CONSTRAINT "InitiativePatron_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeUpdate" ADD CONSTRAINT "InitiativeUpdate_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePhoto" ADD CONSTRAINT "InitiativePhoto_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePhoto" ADD CONSTRAINT "InitiativePhoto_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "InitiativeUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeRating" ADD CONSTRAINT "InitiativeRating_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeRating" ADD CONSTRAINT "InitiativeRating_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
