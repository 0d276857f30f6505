-- AlterTable
ALTER TABLE "invitation_imports" ADD COLUMN "flagged_rows" JSONB NOT NULL DEFAULT '[]';
