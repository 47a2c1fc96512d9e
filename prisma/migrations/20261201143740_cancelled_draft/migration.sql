-- CreateTable
CREATE TABLE "cancelled_draft" (
    "draft_id" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cancelled_draft_pkey" PRIMARY KEY ("draft_id")
);

-- CreateIndex
CREATE INDEX "cancelled_draft_created_at_idx" ON "cancelled_draft"("created_at");
