import { data } from "@remix-run/node";
import { formatDayInZone, formatInZone, formatTimeInZone, utcToZonedLocal } from "~/events/time";
import type { InvitationDelivery, InvitationSendStatus } from "~/generated/prisma/enums";
import { InvitationDelivery as deliveries } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { previewInvitation } from "./preview.server";
import { DELIVERY_ROWS_PER_PAGE } from "./send-schemas";
import { readyToSendCondition } from "./suppressions.server";
import { loadSendEvent } from "./send.server";

/** Invitations whose email has not left yet. */
const WAITING: InvitationDelivery[] = ["scheduled", "queued"];

export type SendSummary = {
  id: string;
  status: InvitationSendStatus;
  scheduledFor: string;
  total: number;
  done: number;
};

async function summariseSends(sendIds: string[]) {
  const waiting = await db.eventInvitation.groupBy({
    by: ["sendId"],
    where: { sendId: { in: sendIds }, delivery: { in: WAITING } },
    _count: { _all: true },
  });
  return new Map(waiting.map((row) => [row.sendId, row._count._all]));
}

/** The send page: what is ready to go, the preview, and this company's earlier sends for the event. */
export async function getSendPage(scope: TenantScope, eventId: string, previewInviteeId: string | null) {
  const event = await loadSendEvent(scope, eventId);
  const [counts] = await db.$queryRaw<{ ready: number; blocked: number; failed: number; waiting: number; sent: number }[]>`
    SELECT
      count(*) FILTER (WHERE ${readyToSendCondition})::int AS ready,
      count(*) FILTER (WHERE invitation.delivery IN ('not_sent', 'failed', 'suppressed') AND suppression.email IS NOT NULL)::int AS blocked,
      count(*) FILTER (WHERE invitation.delivery = 'failed' AND suppression.email IS NULL)::int AS failed,
      count(*) FILTER (WHERE invitation.delivery IN ('scheduled', 'queued'))::int AS waiting,
      count(*) FILTER (WHERE invitation.delivery IN ('sent', 'delivered', 'bounced', 'complained'))::int AS sent
    FROM event_invitations AS invitation
    LEFT JOIN email_suppressions AS suppression ON suppression.email = lower(invitation.email)
    WHERE invitation.event_id = ${eventId} AND invitation.organization_id = ${scope.organizationId} AND invitation.revoked_at IS NULL`;
  const sends = await db.invitationSend.findMany({
    where: { eventId, organizationId: scope.organizationId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, status: true, scheduledFor: true, total: true },
  });
  const waitingBySend = await summariseSends(sends.map((send) => send.id));
  const now = new Date();
  return {
    event: {
      title: event.title,
      statusLabel: event.statusLabel,
      blockedReason: event.blockedReason,
      timeZone: event.timeZone,
      when: event.when,
      // The earliest and latest times a send can be scheduled for, in the event's zone.
      earliestSchedule: utcToZonedLocal(now, event.timeZone),
      latestSchedule: utcToZonedLocal(event.startsAt, event.timeZone),
    },
    counts: counts ?? { ready: 0, blocked: 0, failed: 0, waiting: 0, sent: 0 },
    sends: sends.map(
      (send): SendSummary => ({
        id: send.id,
        status: send.status,
        scheduledFor: formatInZone(send.scheduledFor, event.timeZone),
        total: send.total,
        done: send.total - (waitingBySend.get(send.id) ?? 0),
      }),
    ),
    preview: await previewInvitation(scope, eventId, previewInviteeId),
  };
}

export type DeliveryFilter = InvitationDelivery | null;

export function parseDeliveryFilter(value: string | null): DeliveryFilter {
  return value && (Object.values(deliveries) as string[]).includes(value) ? (value as InvitationDelivery) : null;
}

/**
 * One send's progress while it goes out, and each invitee's delivery status afterwards, filtered
 * by status and paged. Only the scope's company's own sends are found.
 */
export async function getSendProgress(scope: TenantScope, eventId: string, sendId: string, options: { filter: DeliveryFilter; page: number }) {
  const event = await loadSendEvent(scope, eventId);
  const send = await db.invitationSend.findFirst({
    where: { id: sendId, eventId, organizationId: scope.organizationId },
    select: { id: true, status: true, scheduledFor: true, startedAt: true, finishedAt: true, total: true, createdById: true },
  });
  if (!send) throw data({ error: "not_found", message: "We couldn't find that send of invitations." }, { status: 404 });
  const grouped = await db.eventInvitation.groupBy({ by: ["delivery"], where: { sendId }, _count: { _all: true } });
  const counts = Object.fromEntries(grouped.map((row) => [row.delivery, row._count._all])) as Partial<Record<InvitationDelivery, number>>;
  const waiting = WAITING.reduce((sum, delivery) => sum + (counts[delivery] ?? 0), 0);
  const where = { sendId, ...(options.filter ? { delivery: options.filter } : {}) };
  const matching = await db.eventInvitation.count({ where });
  const pageCount = Math.max(1, Math.ceil(matching / DELIVERY_ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const rows = await db.eventInvitation.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    skip: (page - 1) * DELIVERY_ROWS_PER_PAGE,
    take: DELIVERY_ROWS_PER_PAGE,
    select: { id: true, name: true, email: true, delivery: true, sentAt: true, deliveryUpdatedAt: true, deliveryError: true },
  });
  const creator = await db.user.findUnique({ where: { id: send.createdById }, select: { name: true, email: true } });
  const now = new Date();
  const at = (date: Date | null) => (date ? formatInZone(date, event.timeZone) : null);
  // The table names the zone once, in its caption, instead of in every cell.
  const shortAt = (date: Date | null) => (date ? `${formatDayInZone(date, event.timeZone)}, ${formatTimeInZone(date, event.timeZone)}` : null);
  return {
    eventTitle: event.title,
    timeZone: event.timeZone,
    send: {
      id: send.id,
      status: send.status,
      scheduledFor: formatInZone(send.scheduledFor, event.timeZone),
      startedAt: at(send.startedAt),
      finishedAt: at(send.finishedAt),
      total: send.total,
      done: send.total - waiting,
      createdBy: creator?.name || creator?.email || "A former member",
      cancellable: send.status === "scheduled",
    },
    counts,
    // The page reloads itself (a meta refresh, so without JavaScript too) while there is progress to show.
    refresh: send.status === "sending" || (send.status === "scheduled" && send.scheduledFor.getTime() <= now.getTime()),
    filter: options.filter,
    page,
    pageCount,
    matching,
    rows: rows.map((row) => ({ ...row, sentAt: shortAt(row.sentAt), deliveryUpdatedAt: shortAt(row.deliveryUpdatedAt) })),
  };
}
