import type { EventStatus } from "~/generated/prisma/enums";

/**
 * An invite-list rule the request broke. The message is shown as is; the status says whether the
 * input was wrong (400), the person or import is not (or no longer) there (404), or the event no
 * longer allows it (409).
 */
export class InviteListError extends Error {
  override name = "InviteListError";
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

type ListEventState = { status: EventStatus; partnershipActive: boolean };

/** Lists are built before and after confirmation; once the event is over or off, they stay as they are. */
export function inviteListClosedReason(event: ListEventState): string | null {
  if (!event.partnershipActive) return "This partnership has ended, so this event's invite lists can no longer change.";
  if (event.status === "cancelled") return "This event was cancelled, so its invite lists can no longer change.";
  if (event.status === "completed") return "This event has taken place, so its invite lists can no longer change.";
  return null;
}

/** Invitations go out only for a confirmed event: before that, its date and details may still change. */
export function sendingClosedReason(event: ListEventState): string | null {
  const closed = inviteListClosedReason(event);
  if (closed) return closed;
  if (event.status !== "confirmed") {
    return "Invitations can only be sent once both companies have confirmed the event. You can build your list now and send it then.";
  }
  return null;
}

export function assertInviteListOpen(event: ListEventState) {
  const reason = inviteListClosedReason(event);
  if (reason) throw new InviteListError(reason, 409);
}
