-- CreateIndex
CREATE INDEX "Consultation_regionId_date_idx" ON "Consultation"("regionId", "date");

-- CreateIndex
CREATE INDEX "DiscussionComment_createdAt_idx" ON "DiscussionComment"("createdAt");

-- CreateIndex
CREATE INDEX "Report_regionId_createdAt_idx" ON "Report"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_departmentId_createdAt_idx" ON "Report"("departmentId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_categoryId_createdAt_idx" ON "Report"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_status_dueAt_idx" ON "Report"("status", "dueAt");
