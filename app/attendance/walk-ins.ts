/**
 * Walk-ins may come without an email address, but every invite-list row has one, unique per
 * event. Those walk-ins get an address on the reserved `.invalid` domain (RFC 2606), which never
 * receives mail; its local part is the add-walk-in form's one-time key, so submitting the same
 * form twice finds the first row instead of adding the person twice.
 */
export const WALK_IN_PLACEHOLDER_DOMAIN = "walk-in.invalid";

export function walkInPlaceholderEmail(walkInKey: string): string {
  return `walk-in-${walkInKey}@${WALK_IN_PLACEHOLDER_DOMAIN}`;
}

/** Senders and lists must skip or hide these: nobody reads mail there. */
export function isWalkInPlaceholderEmail(email: string): boolean {
  return email.endsWith(`@${WALK_IN_PLACEHOLDER_DOMAIN}`);
}

/** The address to show a manager of the invitee's own company: none for a walk-in who gave none. */
export function shownEmail(email: string): string {
  return isWalkInPlaceholderEmail(email) ? "" : email;
}
