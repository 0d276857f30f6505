-- CreateEnum
CREATE TYPE "InvitationSource" AS ENUM ('member', 'pasted', 'csv', 'walk_in');

-- CreateEnum
CREATE TYPE "InvitationDelivery" AS ENUM ('not_sent', 'scheduled', 'queued', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'suppressed');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('no_answer', 'attending', 'waitlisted', 'maybe', 'declined');

-- CreateEnum
CREATE TYPE "InvitationSendStatus" AS ENUM ('scheduled', 'sending', 'sent', 'cancelled');

-- CreateEnum
CREATE TYPE "InvitationImportStatus" AS ENUM ('pending', 'importing', 'done', 'failed');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('bounced', 'complained');

-- AlterTable
ALTER TABLE "outbound_emails" ADD COLUMN "attachments" JSONB;

-- AlterTable
ALTER TABLE "events" ADD COLUMN "seats_taken" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "reminder_days_before" INTEGER[] DEFAULT ARRAY[7, 1]::INTEGER[],
ADD COLUMN "nudge_days_before" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "event_quotas" ADD COLUMN "seats_taken" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "event_shifts" ADD COLUMN "seats_taken" INTEGER NOT NULL DEFAULT 0;

-- Capacity is enforced by the database, not only by the code that takes a seat: no interleaving
-- of concurrent RSVPs, and no edit of a capacity or quota, can leave more seats taken than exist.
ALTER TABLE "events" ADD CONSTRAINT "events_seats_within_capacity" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "capacity");
ALTER TABLE "event_quotas" ADD CONSTRAINT "event_quotas_seats_within_quota" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "seats");
ALTER TABLE "event_shifts" ADD CONSTRAINT "event_shifts_seats_within_capacity" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "capacity");

-- CreateTable
CREATE TABLE "event_invitations" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "user_id" TEXT,
    "source" "InvitationSource" NOT NULL,
    "added_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "token_version" INTEGER NOT NULL DEFAULT 1,
    "revoked_at" TIMESTAMP(3),
    "delivery" "InvitationDelivery" NOT NULL DEFAULT 'not_sent',
    "send_id" TEXT,
    "batch_id" TEXT,
    "provider_message_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "delivery_updated_at" TIMESTAMP(3),
    "delivery_error" TEXT,
    "status" "RsvpStatus" NOT NULL DEFAULT 'no_answer',
    "responded_at" TIMESTAMP(3),
    "seats_held" INTEGER NOT NULL DEFAULT 0,
    "brings_plus_one" BOOLEAN NOT NULL DEFAULT false,
    "plus_one_name" TEXT NOT NULL DEFAULT '',
    "shift_id" TEXT,
    "waiver_accepted_at" TIMESTAMP(3),
    "answers" JSONB NOT NULL DEFAULT '{}',
    "waitlisted_at" TIMESTAMP(3),
    "promoted_at" TIMESTAMP(3),
    "checked_in_at" TIMESTAMP(3),
    "checked_in_by_id" TEXT,

    CONSTRAINT "event_invitations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "event_invitations_seats_held_range" CHECK ("seats_held" BETWEEN 0 AND 2)
);

-- CreateTable
CREATE TABLE "invitation_sends" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "status" "InvitationSendStatus" NOT NULL DEFAULT 'scheduled',
    "scheduled_for" TIMESTAMP(3) NOT NULL,
    "total" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "invitation_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_batches" (
    "id" TEXT NOT NULL,
    "send_id" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "last_error" TEXT,

    CONSTRAINT "invitation_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_notices" (
    "invitation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "email_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_notices_pkey" PRIMARY KEY ("invitation_id","kind","key")
);

-- CreateTable
CREATE TABLE "invitation_imports" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "source" "InvitationSource" NOT NULL,
    "status" "InvitationImportStatus" NOT NULL DEFAULT 'pending',
    "content" TEXT NOT NULL,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "added_count" INTEGER NOT NULL DEFAULT 0,
    "merged_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_rows" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "invitation_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_suppressions" (
    "email" TEXT NOT NULL,
    "reason" "SuppressionReason" NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "processed_webhooks" (
    "id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbound_emails_provider_message_id_idx" ON "outbound_emails"("provider_message_id");

-- CreateIndex
CREATE INDEX "event_invitations_event_id_organization_id_status_idx" ON "event_invitations"("event_id", "organization_id", "status");

-- CreateIndex
CREATE INDEX "event_invitations_event_id_organization_id_waitlisted_at_idx" ON "event_invitations"("event_id", "organization_id", "waitlisted_at");

-- CreateIndex
CREATE INDEX "event_invitations_send_id_delivery_idx" ON "event_invitations"("send_id", "delivery");

-- CreateIndex
CREATE INDEX "event_invitations_batch_id_idx" ON "event_invitations"("batch_id");

-- CreateIndex
CREATE INDEX "event_invitations_provider_message_id_idx" ON "event_invitations"("provider_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_invitations_event_id_email_key" ON "event_invitations"("event_id", "email");

-- CreateIndex
CREATE INDEX "invitation_sends_event_id_organization_id_created_at_idx" ON "invitation_sends"("event_id", "organization_id", "created_at");

-- CreateIndex
CREATE INDEX "invitation_batches_send_id_idx" ON "invitation_batches"("send_id");

-- CreateIndex
CREATE INDEX "invitation_imports_event_id_organization_id_created_at_idx" ON "invitation_imports"("event_id", "organization_id", "created_at");

-- CreateIndex
CREATE INDEX "processed_webhooks_received_at_idx" ON "processed_webhooks"("received_at");

-- AddForeignKey
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_shift_id_fkey" FOREIGN KEY ("shift_id") REFERENCES "event_shifts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "invitation_sends"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "invitation_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "invitation_sends"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_notices" ADD CONSTRAINT "invitation_notices_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "event_invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_imports" ADD CONSTRAINT "invitation_imports_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
