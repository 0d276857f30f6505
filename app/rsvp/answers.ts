/** The three answers an invitee can give, shared by tokens, links, the page and its schema. */
export const RSVP_ANSWERS = ["yes", "no", "maybe"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export function isRsvpAnswer(value: unknown): value is RsvpAnswer {
  return typeof value === "string" && (RSVP_ANSWERS as readonly string[]).includes(value);
}
