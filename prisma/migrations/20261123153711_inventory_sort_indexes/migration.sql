-- CreateIndex
CREATE INDEX "Identity_lastUsedAt_idx" ON "Identity"("lastUsedAt");

-- CreateIndex
CREATE INDEX "Identity_issuedAt_idx" ON "Identity"("issuedAt");

-- CreateIndex
CREATE INDEX "Identity_expiresAt_idx" ON "Identity"("expiresAt");

-- CreateIndex
CREATE INDEX "Secret_lastRotatedAt_idx" ON "Secret"("lastRotatedAt");
