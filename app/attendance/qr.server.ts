import QRCode, { type QRCodeToBufferOptions } from "qrcode";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { checkInEntryPath } from "./paths";

/** Large enough to scan from a phone held at arm's length, with the quiet zone scanners need. */
export const CHECK_IN_QR_OPTIONS = { type: "png", errorCorrectionLevel: "M", margin: 2, width: 320 } as const satisfies QRCodeToBufferOptions;

export function checkInEntryUrl(invitationId: string): string {
  return `${env().APP_URL}${checkInEntryPath(invitationId)}`;
}

/**
 * The attendee's QR code: a PNG of their check-in entry's URL, which grants nothing by itself
 * (the entry page wants a signed-in organiser). Null for an id that isn't on any list.
 */
export async function renderCheckInQrCode(invitationId: string): Promise<Buffer | null> {
  const invitation = await db.eventInvitation.findUnique({ where: { id: invitationId }, select: { id: true } });
  if (!invitation) return null;
  return QRCode.toBuffer(checkInEntryUrl(invitation.id), CHECK_IN_QR_OPTIONS);
}
