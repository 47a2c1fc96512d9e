-- AlterTable
ALTER TABLE "faq_topic" ADD COLUMN     "answer_ur_latn" TEXT;
