/*
  Warnings:

  - A unique constraint covering the columns `[letter_code]` on the table `request` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'REVOKED';

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "letter_code" TEXT,
ADD COLUMN     "valid_from" TIMESTAMP(3),
ADD COLUMN     "valid_until" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "request_letter_code_key" ON "request"("letter_code");
