-- CreateTable
CREATE TABLE "DiscussionCommentDraft" (
    "citizenId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "text" TEXT,
    "authorName" TEXT,
    "organisation" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscussionCommentDraft_pkey" PRIMARY KEY ("citizenId")
);

-- AddForeignKey
ALTER TABLE "DiscussionCommentDraft" ADD CONSTRAINT "DiscussionCommentDraft_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "DiscussionTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
