-- AlterTable
ALTER TABLE "handoff" ADD COLUMN     "form" JSONB;

-- CreateTable
CREATE TABLE "snippet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_ur" TEXT NOT NULL DEFAULT '',
    "text_ur_latn" TEXT NOT NULL DEFAULT '',
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "snippet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handoff_rating" (
    "id" TEXT NOT NULL,
    "handoff_id" TEXT NOT NULL,
    "user_conversation_id" TEXT NOT NULL,
    "agent_aad_id" TEXT,
    "agent_name" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'asked',
    "score" INTEGER,
    "comment" TEXT,
    "asked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rated_at" TIMESTAMP(3),
    "followed_up_at" TIMESTAMP(3),
    "followed_up_by" TEXT,

    CONSTRAINT "handoff_rating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "snippet_name_key" ON "snippet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "handoff_rating_handoff_id_key" ON "handoff_rating"("handoff_id");

-- CreateIndex
CREATE INDEX "handoff_rating_user_conversation_id_status_idx" ON "handoff_rating"("user_conversation_id", "status");

-- CreateIndex
CREATE INDEX "handoff_rating_rated_at_idx" ON "handoff_rating"("rated_at");
