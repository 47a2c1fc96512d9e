-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('DRAFT', 'SENDING', 'DONE');

-- CreateEnum
CREATE TYPE "AnnouncementDeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'OPTED_OUT');

-- CreateTable
CREATE TABLE "announcement" (
    "id" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_ur" TEXT NOT NULL,
    "text_ur_latn" TEXT NOT NULL,
    "audience" JSONB NOT NULL,
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" TEXT NOT NULL,
    "created_by" TEXT,
    "total" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement_delivery" (
    "id" TEXT NOT NULL,
    "announcement_id" TEXT NOT NULL,
    "user_key" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" "AnnouncementDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "due_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "announcement_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcement_opt_out" (
    "user_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "announcement_opt_out_pkey" PRIMARY KEY ("user_key")
);

-- CreateTable
CREATE TABLE "reminder_log" (
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_log_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "announcement_created_at_idx" ON "announcement"("created_at");

-- CreateIndex
CREATE INDEX "announcement_delivery_status_due_at_idx" ON "announcement_delivery"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "announcement_delivery_announcement_id_user_key_key" ON "announcement_delivery"("announcement_id", "user_key");

-- AddForeignKey
ALTER TABLE "announcement_delivery" ADD CONSTRAINT "announcement_delivery_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
