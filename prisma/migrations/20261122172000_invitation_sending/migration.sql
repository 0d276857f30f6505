-- AlterTable
ALTER TABLE "invitation_sends" ADD COLUMN "message" JSONB;

-- CreateTable
CREATE TABLE "request_pacers" (
    "name" TEXT NOT NULL,
    "next_slot_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_pacers_pkey" PRIMARY KEY ("name")
);
