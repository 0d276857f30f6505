import type { Prisma } from "~/generated/prisma/client";
import type { RsvpStatus } from "~/generated/prisma/enums";
import { formatTimeInZone } from "~/events/time";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { answerValues } from "./answers";
import { countResponses, type ResponseCounts } from "./counts.server";
import { loadAttendanceEvent, type AttendanceCompany, type AttendanceEvent, type AttendanceQuestion } from "./event.server";
import { deliveryLabels, rsvpLabels } from "~/invitations/labels";
import { shownEmail } from "./walk-ins";

/** The people table stops here; the CSV export has everyone. */
export const RESPONSES_LIST_LIMIT = 200;

/** Answers count from everyone still thinking of coming: a "no" takes their answers with it. */
const ANSWERING_STATUSES = ["attending", "waitlisted", "maybe"] as const satisfies readonly RsvpStatus[];

export const RESPONSE_FILTERS = ["all", "attending", "waitlisted", "maybe", "declined", "no_answer"] as const;
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];

export function parseResponseFilter(url: URL): ResponseFilter {
  const status = url.searchParams.get("status");
  return RESPONSE_FILTERS.find((candidate) => candidate === status) ?? "all";
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

type CompanyAnswers = { companyName: string; isYou: boolean; respondents: number };

export type QuestionSummary =
  | {
      id: string;
      prompt: string;
      kind: "single_choice" | "multiple_choice";
      companies: (CompanyAnswers & { options: { label: string; count: number; percent: number }[]; otherCount: number })[];
    }
  | {
      id: string;
      prompt: string;
      kind: "short_text";
      /** Only the viewer's own company carries the texts; the partner's are a count (ADR 009). */
      companies: (CompanyAnswers & { texts: string[] | null })[];
    };

type AnswerRow = { organizationId: string; answers: Prisma.JsonValue };

function summariseQuestion(question: AttendanceQuestion, companies: AttendanceCompany[], rows: AnswerRow[]): QuestionSummary {
  const answersBy = (company: AttendanceCompany) =>
    rows.filter((row) => row.organizationId === company.id).map((row) => answerValues(row.answers, question.id)).filter((values) => values.length > 0);
  if (question.kind === "short_text") {
    return {
      id: question.id,
      prompt: question.prompt,
      kind: "short_text",
      companies: companies.map((company) => {
        const answered = answersBy(company);
        return { companyName: company.name, isYou: company.isYou, respondents: answered.length, texts: company.isYou ? answered.map((values) => values.join(" ")) : null };
      }),
    };
  }
  return {
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    companies: companies.map((company) => {
      const answered = answersBy(company);
      return {
        companyName: company.name,
        isYou: company.isYou,
        respondents: answered.length,
        options: question.options.map((label) => {
          const count = answered.filter((values) => values.includes(label)).length;
          return { label, count, percent: percent(count, answered.length) };
        }),
        // Choices since renamed or removed from the question still count, under their own line.
        otherCount: answered.filter((values) => values.some((value) => !question.options.includes(value))).length,
      };
    }),
  };
}

function companyRow(company: AttendanceCompany, counts: ResponseCounts) {
  return {
    id: company.id,
    name: company.name,
    isYou: company.isYou,
    quotaSeats: company.quotaSeats,
    quotaSeatsTaken: company.quotaSeatsTaken,
    counts,
    /** Heads in the room: attendees and the plus-ones they bring. */
    headcount: counts.attending + counts.plusOnes,
  };
}

async function shiftFill(event: AttendanceEvent) {
  if (event.shifts.length === 0) return [];
  const groups = await db.eventInvitation.groupBy({
    by: ["shiftId", "organizationId"],
    where: { eventId: event.id, revokedAt: null, status: "attending", shiftId: { not: null } },
    _count: { _all: true },
  });
  return event.shifts.map((shift) => ({
    id: shift.id,
    role: shift.role,
    when: shift.when,
    capacity: shift.capacity,
    seatsTaken: shift.seatsTaken,
    companies: event.companies.map((company) => ({
      name: company.name,
      isYou: company.isYou,
      volunteers: groups.find((group) => group.shiftId === shift.id && group.organizationId === company.id)?._count._all ?? 0,
    })),
  }));
}

async function ownPeople(scope: TenantScope, event: AttendanceEvent, filter: ResponseFilter) {
  const where: Prisma.EventInvitationWhereInput = { eventId: event.id, organizationId: scope.organizationId, revokedAt: null, ...(filter === "all" ? {} : { status: filter }) };
  const [rows, matching] = await Promise.all([
    db.eventInvitation.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: RESPONSES_LIST_LIMIT,
      select: {
        id: true,
        name: true,
        email: true,
        team: true,
        status: true,
        source: true,
        bringsPlusOne: true,
        plusOneName: true,
        shiftId: true,
        answers: true,
        checkedInAt: true,
        delivery: true,
      },
    }),
    db.eventInvitation.count({ where }),
  ]);
  return {
    matching,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: shownEmail(row.email),
      team: row.team,
      statusLabel: rsvpLabels[row.status].label,
      statusTone: rsvpLabels[row.status].tone,
      walkIn: row.source === "walk_in",
      plusOne: row.bringsPlusOne ? row.plusOneName || "Yes, unnamed" : null,
      shift: event.shifts.find((shift) => shift.id === row.shiftId)?.role ?? null,
      answers: event.questions.map((question) => answerValues(row.answers, question.id).join(", ")),
      checkedInAt: row.checkedInAt ? formatTimeInZone(row.checkedInAt, event.timeZone) : null,
      deliveryLabel: deliveryLabels[row.delivery].label,
    })),
  };
}

/**
 * The manager's view of who is coming: counts per company against quotas and capacity, the mix
 * in the room, answers in aggregate, shift fill, and the viewer's own people one by one. The
 * partner's people appear only as numbers (ADR 009).
 */
export async function getResponsesPage(scope: TenantScope, eventId: string, filter: ResponseFilter) {
  assertCan(scope, "events:plan");
  const event = await loadAttendanceEvent(scope, eventId);
  const [counts, answerRows, shifts, people] = await Promise.all([
    countResponses(event.id, event.companies.map((company) => company.id)),
    event.questions.length > 0
      ? db.eventInvitation.findMany({ where: { eventId: event.id, revokedAt: null, status: { in: [...ANSWERING_STATUSES] } }, select: { organizationId: true, answers: true } })
      : Promise.resolve([]),
    shiftFill(event),
    ownPeople(scope, event, filter),
  ]);
  const companies = event.companies.map((company) => companyRow(company, counts.get(company.id)!));
  const headcount = companies.reduce((sum, company) => sum + company.headcount, 0);
  return {
    eventTitle: event.title,
    timeZone: event.timeZone,
    isVolunteerDay: event.kind === "volunteer_day",
    plusOnesAllowed: event.plusOnesAllowed,
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    companies,
    mix: companies.map((company) => ({
      name: company.name,
      isYou: company.isYou,
      people: company.counts.attending,
      plusOnes: company.counts.plusOnes,
      headcount: company.headcount,
      percent: percent(company.headcount, headcount),
    })),
    headcount,
    questions: event.questions.map((question) => summariseQuestion(question, event.companies, answerRows)),
    shifts,
    questionPrompts: event.questions.map((question) => question.prompt),
    people: { ...people, filter, limit: RESPONSES_LIST_LIMIT },
    ownCompanyName: event.own.name,
    partnerName: event.partner.name,
  };
}
