-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "showName" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReportEvidence" ADD COLUMN     "withheldAt" TIMESTAMP(3),
ADD COLUMN     "withheldById" INTEGER,
ADD COLUMN     "withheldReason" TEXT;

-- AlterTable
ALTER TABLE "ReportFollower" ADD COLUMN     "supported" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PublicComment" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER,
    "citizenId" INTEGER,
    "authorName" TEXT,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" TIMESTAMP(3),
    "moderatedById" INTEGER,
    "moderatedAt" TIMESTAMP(3),
    "moderationNote" TEXT,

    CONSTRAINT "PublicComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicCommentFlag" (
    "commentId" INTEGER NOT NULL,
    "citizenId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicCommentFlag_pkey" PRIMARY KEY ("commentId","citizenId")
);

-- CreateTable
CREATE TABLE "PublicCommentDraft" (
    "citizenId" INTEGER NOT NULL,
    "reportId" INTEGER,
    "text" TEXT,
    "showName" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicCommentDraft_pkey" PRIMARY KEY ("citizenId")
);

-- CreateIndex
CREATE INDEX "PublicComment_reportId_hidden_createdAt_idx" ON "PublicComment"("reportId", "hidden", "createdAt");

-- CreateIndex
CREATE INDEX "PublicComment_hidden_moderatedAt_hiddenAt_idx" ON "PublicComment"("hidden", "moderatedAt", "hiddenAt");

-- CreateIndex
CREATE INDEX "PublicComment_citizenId_idx" ON "PublicComment"("citizenId");

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicCommentFlag" ADD CONSTRAINT "PublicCommentFlag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "PublicComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicCommentFlag" ADD CONSTRAINT "PublicCommentFlag_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicCommentDraft" ADD CONSTRAINT "PublicCommentDraft_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;
