-- CreateIndex
CREATE INDEX "request_thread_conversation_id_idx" ON "request"("thread_conversation_id");
