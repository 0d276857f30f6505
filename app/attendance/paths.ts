/**
 * The check-in entry an attendee's QR code opens. It carries no company in the URL because either
 * company's organisers may be at the door; the route sends a signed-in organiser to the entry
 * under their own company and everyone else to sign-in or a 404.
 */
export function checkInEntryPath(invitationId: string): string {
  return `/check-in/${invitationId}`;
}

/** The QR code image of `checkInEntryPath`, as a PNG that email clients can show. */
export function checkInQrImagePath(invitationId: string): string {
  return `/check-in/${invitationId}/qr.png`;
}

/** A company's check-in list for one event; `entry` puts one attendee (a scanned QR code) on top. */
export function checkInListPath(organizationSlug: string, eventId: string, entry?: string): string {
  const path = `/o/${organizationSlug}/events/${eventId}/check-in`;
  return entry ? `${path}?${new URLSearchParams({ entry })}` : path;
}

export function responsesCsvPath(organizationSlug: string, eventId: string): string {
  return `/o/${organizationSlug}/events/${eventId}/responses.csv`;
}
