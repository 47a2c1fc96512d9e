-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('incoming', 'outgoing', 'activity');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('whitelisting', 'wfh');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'INFO_REQUESTED');

-- CreateEnum
CREATE TYPE "HandoffStatus" AS ENUM ('WAITING', 'ACTIVE', 'CLOSED');

-- CreateTable
CREATE TABLE "bot_state" (
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "etag" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bot_state_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "transcript_message" (
    "id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT,
    "user_name" TEXT,
    "direction" "MessageDirection" NOT NULL,
    "text" TEXT,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "activity_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transcript_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_ref" (
    "conversation_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "user_name" TEXT,
    "language" TEXT,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "conversation_ref_pkey" PRIMARY KEY ("conversation_id")
);

-- CreateTable
CREATE TABLE "processed_activity" (
    "key" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "processed_activity_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "request" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submit_key" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "company_name" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "thread_conversation_id" TEXT,
    "thread_activity_id" TEXT,
    "notify_error" TEXT,
    "notify_failed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_agent" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "row_no" INTEGER NOT NULL,
    "full_name" TEXT NOT NULL,
    "cnic" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "isp" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL,

    CONSTRAINT "request_agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_event" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "from_status" "RequestStatus",
    "to_status" "RequestStatus" NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "faq_topic" (
    "id" TEXT NOT NULL,
    "answer_en" TEXT NOT NULL,
    "answer_ur" TEXT NOT NULL,
    "edited_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "faq_topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "faq_question" (
    "id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'kb',

    CONSTRAINT "faq_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unanswered_question" (
    "id" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "sample" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "resolved_at" TIMESTAMP(3),
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unanswered_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "faq_query_log" (
    "id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "topic_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "faq_query_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handoff" (
    "id" TEXT NOT NULL,
    "status" "HandoffStatus" NOT NULL DEFAULT 'WAITING',
    "user_conversation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "user_name" TEXT,
    "channel_id" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "topic" TEXT,
    "agent_aad_id" TEXT,
    "agent_name" TEXT,
    "thread_conversation_id" TEXT,
    "card_activity_id" TEXT,
    "sla_notified_at" TIMESTAMP(3),
    "gave_up_at" TIMESTAMP(3),
    "closed_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_ticket" (
    "id" TEXT NOT NULL,
    "handoff_id" TEXT,
    "conversation_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "user_name" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMP(3),

    CONSTRAINT "callback_ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff" (
    "aad_object_id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("aad_object_id")
);

-- CreateTable
CREATE TABLE "bot_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bot_setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directline_conversation" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directline_conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directline_activity" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "activity" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directline_activity_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "transcript_message_conversation_id_created_at_idx" ON "transcript_message"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "transcript_message_created_at_idx" ON "transcript_message"("created_at");

-- CreateIndex
CREATE INDEX "conversation_ref_user_id_idx" ON "conversation_ref"("user_id");

-- CreateIndex
CREATE INDEX "processed_activity_expires_at_idx" ON "processed_activity"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "request_reference_key" ON "request"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "request_submit_key_key" ON "request"("submit_key");

-- CreateIndex
CREATE INDEX "request_user_id_channel_id_idx" ON "request"("user_id", "channel_id");

-- CreateIndex
CREATE INDEX "request_status_created_at_idx" ON "request"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "request_agent_request_id_cnic_key" ON "request_agent"("request_id", "cnic");

-- CreateIndex
CREATE INDEX "request_event_request_id_created_at_idx" ON "request_event"("request_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "faq_question_topic_id_language_text_key" ON "faq_question"("topic_id", "language", "text");

-- CreateIndex
CREATE UNIQUE INDEX "unanswered_question_normalized_language_key" ON "unanswered_question"("normalized", "language");

-- CreateIndex
CREATE INDEX "faq_query_log_created_at_idx" ON "faq_query_log"("created_at");

-- CreateIndex
CREATE INDEX "handoff_status_created_at_idx" ON "handoff"("status", "created_at");

-- CreateIndex
CREATE INDEX "handoff_user_conversation_id_status_idx" ON "handoff"("user_conversation_id", "status");

-- CreateIndex
CREATE INDEX "handoff_thread_conversation_id_idx" ON "handoff"("thread_conversation_id");

-- CreateIndex
CREATE INDEX "callback_ticket_status_created_at_idx" ON "callback_ticket"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "directline_activity_id_key" ON "directline_activity"("id");

-- CreateIndex
CREATE INDEX "directline_activity_conversation_id_seq_idx" ON "directline_activity"("conversation_id", "seq");

-- AddForeignKey
ALTER TABLE "request_agent" ADD CONSTRAINT "request_agent_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_event" ADD CONSTRAINT "request_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "faq_question" ADD CONSTRAINT "faq_question_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "faq_topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directline_activity" ADD CONSTRAINT "directline_activity_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "directline_conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
