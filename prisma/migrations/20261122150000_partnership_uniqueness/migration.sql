-- Partial unique indexes (not expressible in schema.prisma): the database, not only the
-- application's row locks, guarantees one waiting invitation per company and contact, and one
-- active partnership per pair of companies whichever of them started it.

-- CreateIndex
CREATE UNIQUE INDEX "partnerships_one_pending_per_contact_key" ON "partnerships"("initiator_id", "contact_email") WHERE "status" = 'pending';

-- CreateIndex
CREATE UNIQUE INDEX "partnerships_one_active_per_pair_key" ON "partnerships"(LEAST("initiator_id", "partner_id"), GREATEST("initiator_id", "partner_id")) WHERE "status" = 'active';
