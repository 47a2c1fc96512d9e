-- Direct Line watermarks (issue 12): `seq` becomes a BIGINT position within its conversation instead of
-- a global INTEGER sequence. The store gives each new activity max(seq) + 1 of its conversation under
-- the conversation's row lock, so a conversation's welcome always sits at the same positions whether it
-- was computed on the fly or stored, and no watermark a client can hold overflows the column.
-- Existing rows keep their values: a conversation simply continues above its highest one, so the
-- watermarks clients already hold stay valid.

-- The primary key (conversation_id, seq) serves the polling query the old index served.
DROP INDEX "directline_activity_conversation_id_seq_idx";

ALTER TABLE "directline_activity" DROP CONSTRAINT "directline_activity_pkey",
ALTER COLUMN "seq" DROP DEFAULT,
ALTER COLUMN "seq" SET DATA TYPE BIGINT,
ADD CONSTRAINT "directline_activity_pkey" PRIMARY KEY ("conversation_id", "seq");

DROP SEQUENCE "directline_activity_seq_seq";
