-- CreateTable
CREATE TABLE "QuestionStaffMessage" (
    "questionId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionStaffMessage_pkey" PRIMARY KEY ("questionId","chatId")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionStaffMessage_chatId_messageId_key" ON "QuestionStaffMessage"("chatId", "messageId");

-- AddForeignKey
ALTER TABLE "QuestionStaffMessage" ADD CONSTRAINT "QuestionStaffMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
