-- CreateTable
CREATE TABLE "webchat_user" (
    "user_id" TEXT NOT NULL,
    "token_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "webchat_user_pkey" PRIMARY KEY ("user_id")
);
