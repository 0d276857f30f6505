import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { QuestionKind } from "~/generated/prisma/enums";

const answerStyles: Record<QuestionKind, string> = {
  short_text: "Short answer",
  single_choice: "Pick one",
  multiple_choice: "Pick any",
};

type EventDetailsView = {
  description: string;
  when: string;
  timeZone: string;
  rsvpDeadline: string | null;
  venueName: string;
  venueAddress: string;
  onlineUrl: string | null;
  capacity: number;
  plusOnesAllowed: boolean;
  quotas: { name: string; isYours: boolean; seats: number }[];
  cost: { total: string; shares: { name: string; percent: number; amount: string }[] } | null;
  questions: { id: string; prompt: string; kind: QuestionKind; options: string[]; required: boolean }[];
  shifts: { id: string; role: string; when: string; capacity: number; notes: string; waiverText: string | null }[];
  kind: "outing" | "volunteer_day";
};

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-900">{term}</dt>
      <dd className="text-sm break-words text-slate-700 sm:col-span-2">{children}</dd>
    </div>
  );
}

export function EventDetails({ event }: { event: EventDetailsView }) {
  return (
    <>
      <Card>
        <CardHeader title="Details" description={`All times are local to the event, in ${event.timeZone}.`} />
        <CardBody>
          {event.description ? <p className="mb-2 text-sm whitespace-pre-line text-slate-800">{event.description}</p> : null}
          <dl className="divide-y divide-slate-200">
            <Detail term="When">{event.when}</Detail>
            <Detail term="RSVP by">{event.rsvpDeadline ?? "No deadline"}</Detail>
            <Detail term="Venue">
              {event.venueName}
              {event.venueAddress ? <span className="block whitespace-pre-line text-slate-600">{event.venueAddress}</span> : null}
            </Detail>
            {event.onlineUrl ? (
              <Detail term="Online">
                <a href={event.onlineUrl} className="font-medium break-all text-brand-700 underline underline-offset-4" rel="noreferrer noopener" target="_blank">
                  {event.onlineUrl}
                </a>
              </Detail>
            ) : null}
            <Detail term="Seats">
              {event.capacity} in total
              <ul className="mt-1 text-slate-600">
                {event.quotas.map((quota) => (
                  <li key={quota.name}>
                    {quota.name}
                    {quota.isYours ? " (you)" : ""}: {quota.seats}
                  </li>
                ))}
              </ul>
            </Detail>
            <Detail term="Plus-ones">{event.plusOnesAllowed ? "Welcome" : "Not this time"}</Detail>
            <Detail term="Cost">
              {event.cost ? (
                <>
                  About {event.cost.total} in total
                  <ul className="mt-1 text-slate-600">
                    {event.cost.shares.map((share) => (
                      <li key={share.name}>
                        {share.name} pays {share.amount} ({share.percent}%)
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                "No estimate yet"
              )}
            </Detail>
          </dl>
        </CardBody>
      </Card>

      {event.kind === "volunteer_day" ? (
        <Card>
          <CardHeader title="Shifts" description="What volunteers sign up for." />
          <CardBody>
            {event.shifts.length ? (
              <ul className="divide-y divide-slate-200">
                {event.shifts.map((shift) => (
                  <li key={shift.id} className="py-3 first:pt-0 last:pb-0">
                    <p className="font-medium text-slate-900">{shift.role}</p>
                    <p className="text-sm text-slate-700">
                      {shift.when} · {shift.capacity} {shift.capacity === 1 ? "person" : "people"}
                    </p>
                    {shift.notes ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{shift.notes}</p> : null}
                    {shift.waiverText ? (
                      <details className="mt-1 text-sm text-slate-700">
                        <summary className="cursor-pointer font-medium text-brand-700">Waiver volunteers accept</summary>
                        <p className="mt-1 whitespace-pre-line">{shift.waiverText}</p>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">No shifts yet. Edit the event to add them.</p>
            )}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title="Questions for invitees" description="Each company sees only totals of the other company's answers." />
        <CardBody>
          {event.questions.length ? (
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
              {event.questions.map((question) => (
                <li key={question.id}>
                  <span className="font-medium">{question.prompt}</span>
                  <span className="text-slate-600">
                    {" "}
                    ({answerStyles[question.kind]}
                    {question.required ? ", required" : ", optional"})
                  </span>
                  {question.options.length ? <span className="block text-slate-600">{question.options.join(" · ")}</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-700">No questions. Invitees only say whether they're coming.</p>
          )}
        </CardBody>
      </Card>
    </>
  );
}
