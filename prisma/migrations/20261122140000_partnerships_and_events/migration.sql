-- CreateEnum
CREATE TYPE "PartnershipStatus" AS ENUM ('pending', 'active', 'declined', 'ended');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('outing', 'volunteer_day');

-- CreateEnum
CREATE TYPE "OutingType" AS ENUM ('sports', 'show', 'dinner', 'other');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('draft', 'proposed', 'confirmed', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('short_text', 'single_choice', 'multiple_choice');

-- CreateTable
CREATE TABLE "partnerships" (
    "id" TEXT NOT NULL,
    "initiator_id" TEXT NOT NULL,
    "partner_id" TEXT,
    "status" "PartnershipStatus" NOT NULL DEFAULT 'pending',
    "contact_email" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "invited_by_id" TEXT NOT NULL,
    "responded_by_id" TEXT,
    "ended_by_id" TEXT,
    "ended_by_org_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responded_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_notes" (
    "id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_activities" (
    "id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "event_id" TEXT,
    "organization_id" TEXT,
    "actor_id" TEXT,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "created_by_org_id" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "outing_type" "OutingType",
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "venue_name" TEXT NOT NULL DEFAULT '',
    "venue_address" TEXT NOT NULL DEFAULT '',
    "online_url" TEXT,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "rsvp_deadline" TIMESTAMP(3),
    "capacity" INTEGER NOT NULL,
    "plus_ones_allowed" BOOLEAN NOT NULL DEFAULT false,
    "cost_estimate_minor" INTEGER,
    "cost_currency" TEXT,
    "initiator_cost_percent" INTEGER,
    "status" "EventStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "cancel_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_quotas" (
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,

    CONSTRAINT "event_quotas_pkey" PRIMARY KEY ("event_id","organization_id")
);

-- CreateTable
CREATE TABLE "event_approvals" (
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "approved_by_id" TEXT NOT NULL,
    "approved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "event_approvals_pkey" PRIMARY KEY ("event_id","organization_id","version")
);

-- CreateTable
CREATE TABLE "event_questions" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "event_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_shifts" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "waiver_text" TEXT,

    CONSTRAINT "event_shifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_tasks" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "assignee_id" TEXT,
    "due_on" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "overdue_notified_at" TIMESTAMP(3),

    CONSTRAINT "event_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_comments" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_date_options" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "event_date_options_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_date_votes" (
    "option_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_date_votes_pkey" PRIMARY KEY ("option_id","user_id")
);

-- CreateIndex
CREATE INDEX "partnerships_initiator_id_idx" ON "partnerships"("initiator_id");

-- CreateIndex
CREATE INDEX "partnerships_partner_id_idx" ON "partnerships"("partner_id");

-- CreateIndex
CREATE INDEX "partnerships_contact_email_idx" ON "partnerships"("contact_email");

-- CreateIndex
CREATE INDEX "partnership_notes_partnership_id_created_at_idx" ON "partnership_notes"("partnership_id", "created_at");

-- CreateIndex
CREATE INDEX "partnership_activities_partnership_id_created_at_idx" ON "partnership_activities"("partnership_id", "created_at");

-- CreateIndex
CREATE INDEX "partnership_activities_event_id_created_at_idx" ON "partnership_activities"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "events_partnership_id_starts_at_idx" ON "events"("partnership_id", "starts_at");

-- CreateIndex
CREATE INDEX "event_questions_event_id_position_idx" ON "event_questions"("event_id", "position");

-- CreateIndex
CREATE INDEX "event_shifts_event_id_starts_at_idx" ON "event_shifts"("event_id", "starts_at");

-- CreateIndex
CREATE INDEX "event_tasks_event_id_idx" ON "event_tasks"("event_id");

-- CreateIndex
CREATE INDEX "event_tasks_due_on_idx" ON "event_tasks"("due_on");

-- CreateIndex
CREATE INDEX "event_comments_event_id_created_at_idx" ON "event_comments"("event_id", "created_at");

-- CreateIndex
CREATE INDEX "event_date_options_event_id_idx" ON "event_date_options"("event_id");

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_initiator_id_fkey" FOREIGN KEY ("initiator_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_notes" ADD CONSTRAINT "partnership_notes_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_notes" ADD CONSTRAINT "partnership_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_activities" ADD CONSTRAINT "partnership_activities_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_activities" ADD CONSTRAINT "partnership_activities_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_activities" ADD CONSTRAINT "partnership_activities_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_quotas" ADD CONSTRAINT "event_quotas_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_approvals" ADD CONSTRAINT "event_approvals_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_approvals" ADD CONSTRAINT "event_approvals_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_questions" ADD CONSTRAINT "event_questions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_shifts" ADD CONSTRAINT "event_shifts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_tasks" ADD CONSTRAINT "event_tasks_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_tasks" ADD CONSTRAINT "event_tasks_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_comments" ADD CONSTRAINT "event_comments_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_comments" ADD CONSTRAINT "event_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_date_options" ADD CONSTRAINT "event_date_options_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_date_votes" ADD CONSTRAINT "event_date_votes_option_id_fkey" FOREIGN KEY ("option_id") REFERENCES "event_date_options"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_date_votes" ADD CONSTRAINT "event_date_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "interest_polls" (
    "id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "interest_polls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interest_poll_responses" (
    "poll_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interest_poll_responses_pkey" PRIMARY KEY ("poll_id","user_id")
);

-- CreateIndex
CREATE INDEX "interest_polls_partnership_id_created_at_idx" ON "interest_polls"("partnership_id", "created_at");

-- AddForeignKey
ALTER TABLE "interest_polls" ADD CONSTRAINT "interest_polls_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interest_poll_responses" ADD CONSTRAINT "interest_poll_responses_poll_id_fkey" FOREIGN KEY ("poll_id") REFERENCES "interest_polls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interest_poll_responses" ADD CONSTRAINT "interest_poll_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
