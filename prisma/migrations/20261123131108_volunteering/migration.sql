-- CreateEnum
CREATE TYPE "VolunteerAvailability" AS ENUM ('regularly', 'seasonal_when_needed', 'one_off');

-- CreateEnum
CREATE TYPE "VolunteerDirection" AS ENUM ('events', 'elderly_care', 'children', 'ecology', 'animals', 'emergencies', 'it_design', 'translation', 'driving');

-- CreateEnum
CREATE TYPE "VolunteerOpportunityStatus" AS ENUM ('draft', 'published', 'cancelled');

-- CreateEnum
CREATE TYPE "VolunteerApplicationState" AS ENUM ('applied', 'approved', 'declined', 'waitlisted', 'cancelled', 'attended', 'no_show');

-- CreateTable
CREATE TABLE "Volunteer" (
    "citizenId" INTEGER NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "phoneVerifiedAt" TIMESTAMP(3),
    "regionId" INTEGER,
    "districtId" INTEGER,
    "directions" "VolunteerDirection"[],
    "areaIds" INTEGER[],
    "skills" TEXT,
    "availability" "VolunteerAvailability",
    "birthYear" INTEGER,
    "parentConsent" BOOLEAN NOT NULL DEFAULT false,
    "parentConsentAt" TIMESTAMP(3),
    "parentConsentById" INTEGER,
    "announcementsOff" BOOLEAN NOT NULL DEFAULT false,
    "signedUpAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("citizenId")
);

-- CreateTable
CREATE TABLE "VolunteerOpportunity" (
    "id" SERIAL NOT NULL,
    "titleKk" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "descriptionKk" TEXT NOT NULL DEFAULT '',
    "descriptionRu" TEXT NOT NULL DEFAULT '',
    "organiserName" TEXT NOT NULL,
    "createdById" INTEGER,
    "projectId" INTEGER,
    "areaId" INTEGER,
    "directions" "VolunteerDirection"[],
    "regionId" INTEGER NOT NULL,
    "districtId" INTEGER,
    "place" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "needed" INTEGER NOT NULL,
    "status" "VolunteerOpportunityStatus" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerOpportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerApplication" (
    "id" SERIAL NOT NULL,
    "opportunityId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "state" "VolunteerApplicationState" NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "reason" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "minutes" INTEGER,
    "peopleHelped" INTEGER,
    "attendanceAt" TIMESTAMP(3),
    "attendanceById" INTEGER,
    "confirmedByVolunteer" BOOLEAN,
    "confirmedAt" TIMESTAMP(3),
    "remindedDayAt" TIMESTAMP(3),
    "remindedSoonAt" TIMESTAMP(3),
    "confirmAskedAt" TIMESTAMP(3),

    CONSTRAINT "VolunteerApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerReview" (
    "applicationId" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "staffUserId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerReview_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE INDEX "Volunteer_regionId_districtId_idx" ON "Volunteer"("regionId", "districtId");

-- CreateIndex
CREATE INDEX "VolunteerOpportunity_status_regionId_startsAt_idx" ON "VolunteerOpportunity"("status", "regionId", "startsAt");

-- CreateIndex
CREATE INDEX "VolunteerOpportunity_startsAt_idx" ON "VolunteerOpportunity"("startsAt");

-- CreateIndex
CREATE INDEX "VolunteerApplication_citizenId_state_idx" ON "VolunteerApplication"("citizenId", "state");

-- CreateIndex
CREATE INDEX "VolunteerApplication_opportunityId_state_queuedAt_idx" ON "VolunteerApplication"("opportunityId", "state", "queuedAt");

-- CreateIndex
CREATE INDEX "VolunteerApplication_state_idx" ON "VolunteerApplication"("state");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerApplication_opportunityId_citizenId_key" ON "VolunteerApplication"("opportunityId", "citizenId");

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOpportunity" ADD CONSTRAINT "VolunteerOpportunity_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOpportunity" ADD CONSTRAINT "VolunteerOpportunity_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerOpportunity" ADD CONSTRAINT "VolunteerOpportunity_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerApplication" ADD CONSTRAINT "VolunteerApplication_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "VolunteerOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerApplication" ADD CONSTRAINT "VolunteerApplication_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerReview" ADD CONSTRAINT "VolunteerReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "VolunteerApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
