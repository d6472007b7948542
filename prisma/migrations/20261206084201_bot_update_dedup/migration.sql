-- CreateTable
CREATE TABLE "BotUpdate" (
    "updateId" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "BotUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateIndex
CREATE INDEX "BotUpdate_claimedAt_idx" ON "BotUpdate"("claimedAt");
