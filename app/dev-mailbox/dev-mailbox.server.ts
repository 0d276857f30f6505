import { data } from "@remix-run/node";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

/** The mailbox exists only where emails are not really sent: anywhere else it is a 404. */
export function requireDevMailbox() {
  if (env().EMAIL_DELIVERY !== "dev-mailbox") throw data({ message: "The development mailbox is off on this instance." }, { status: 404 });
}

export function listDevMailbox(filter: { to?: string }) {
  requireDevMailbox();
  return db.outboundEmail.findMany({
    where: { transport: "dev-mailbox", ...(filter.to ? { to: filter.to.trim().toLowerCase() } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, to: true, subject: true, kind: true, sentAt: true },
  });
}

export function readDevMailboxEmail(id: string) {
  requireDevMailbox();
  return db.outboundEmail.findFirst({
    where: { id, transport: "dev-mailbox" },
    select: { id: true, to: true, from: true, subject: true, html: true, text: true, sentAt: true },
  });
}
