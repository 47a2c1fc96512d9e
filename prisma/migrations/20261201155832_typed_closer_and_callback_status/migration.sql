-- Typed statuses: who ended a hand-off (with the agent in its own column) and a callback ticket's status
-- become enums. Existing rows keep their values ('agent:<id>' becomes agent + closed_by_aad_id).

-- CreateEnum
CREATE TYPE "HandoffCloser" AS ENUM ('user', 'agent', 'timeout');

-- CreateEnum
CREATE TYPE "CallbackTicketStatus" AS ENUM ('open', 'done');

-- AlterTable
ALTER TABLE "callback_ticket" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "callback_ticket" ALTER COLUMN "status" TYPE "CallbackTicketStatus" USING ("status"::"CallbackTicketStatus");
ALTER TABLE "callback_ticket" ALTER COLUMN "status" SET DEFAULT 'open';

-- AlterTable
ALTER TABLE "handoff" ADD COLUMN "closed_by_aad_id" TEXT;
UPDATE "handoff" SET "closed_by_aad_id" = substring("closed_by" from 7) WHERE "closed_by" LIKE 'agent:%';
ALTER TABLE "handoff" ALTER COLUMN "closed_by" TYPE "HandoffCloser" USING (
  CASE
    WHEN "closed_by" LIKE 'agent%' THEN 'agent'
    WHEN "closed_by" IN ('user', 'timeout') THEN "closed_by"
    ELSE NULL
  END
)::"HandoffCloser";
