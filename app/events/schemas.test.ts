import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import type { EventKind } from "~/generated/prisma/enums";
import { eventFormSchema, resolveQuotas } from "./schemas";

const now = new Date("2026-11-22T12:00:00Z");

/** Submits the form as a browser would: every value a string, field names in Conform's notation. */
function submit(fields: Record<string, string>, kind: EventKind = "outing", currentStart?: { local: string; timeZone: string }) {
  const formData = new FormData();
  for (const [name, value] of Object.entries({ kind, ...fields })) formData.append(name, value);
  return parseWithZod(formData, { schema: eventFormSchema({ kind, initiatorName: "Acme", partnerName: "Globex", now, currentStart }) });
}

const outing = {
  outingType: "show",
  title: "Jazz night",
  venueName: "Blue Note",
  timeZone: "America/New_York",
  startsAt: "2027-03-14T19:00",
  endsAt: "2027-03-14T22:00",
  capacity: "20",
};

const volunteerDay = {
  title: "Beach clean-up",
  venueName: "Ostsee beach",
  timeZone: "Europe/Berlin",
  startsAt: "2027-06-12T09:00",
  endsAt: "2027-06-12T16:00",
  capacity: "20",
  "shifts[0].role": "Litter pick",
  "shifts[0].day": "1",
  "shifts[0].startTime": "09:00",
  "shifts[0].endTime": "12:00",
  "shifts[0].capacity": "10",
};

function errorsOf(submission: ReturnType<typeof submit>) {
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
}

function valueOf(submission: ReturnType<typeof submit>) {
  if (submission.status !== "success") throw new Error(`expected success, got ${JSON.stringify(submission.reply().error)}`);
  return submission.value;
}

describe("seats per company", () => {
  test("quotas over the capacity get one message naming both companies and what to do", () => {
    const errors = errorsOf(submit({ ...outing, "quotas.initiator": "12", "quotas.partner": "10" }));
    expect(errors["quotas"]).toEqual([
      "Acme's 12 seats and Globex's 10 seats add up to 22, more than the 20 seats in total. Lower a quota or raise the capacity.",
    ]);
  });

  test("blank quotas split the seats in half, the initiator taking the odd one", () => {
    const value = valueOf(submit({ ...outing, capacity: "21" }));
    expect([value.initiatorSeats, value.partnerSeats]).toEqual([11, 10]);
    expect(resolveQuotas(20, undefined)).toEqual({ initiator: 10, partner: 10 });
  });

  test("one blank quota takes the seats the other leaves", () => {
    const value = valueOf(submit({ ...outing, "quotas.initiator": "15" }));
    expect([value.initiatorSeats, value.partnerSeats]).toEqual([15, 5]);
  });

  test("quotas may leave seats unassigned", () => {
    const value = valueOf(submit({ ...outing, "quotas.initiator": "5", "quotas.partner": "5" }));
    expect([value.initiatorSeats, value.partnerSeats]).toEqual([5, 5]);
  });

  test("a negative or fractional quota, or a capacity out of range, is refused with a message", () => {
    expect(errorsOf(submit({ ...outing, "quotas.initiator": "-1", "quotas.partner": "3" }))["quotas.initiator"]).toEqual(["Acme's seats can't be negative."]);
    expect(errorsOf(submit({ ...outing, "quotas.partner": "2.5" }))["quotas.partner"]).toEqual(["Enter Globex's seats as a whole number, e.g. 10."]);
    expect(errorsOf(submit({ ...outing, capacity: "0" }))["capacity"]).toEqual(["An event needs at least 1 seat."]);
    expect(errorsOf(submit({ ...outing, capacity: "10001" }))["capacity"]).toEqual(["An event can have at most 10,000 seats."]);
  });
});

describe("times and time zones", () => {
  test("local wall time in the chosen zone becomes the UTC instant", () => {
    const value = valueOf(submit({ ...outing, timeZone: "Europe/Berlin", startsAt: "2027-07-01T19:00", endsAt: "2027-07-01T22:30", rsvpDeadline: "2027-06-25T17:00" }));
    expect(value.startsAt.toISOString()).toBe("2027-07-01T17:00:00.000Z");
    expect(value.endsAt.toISOString()).toBe("2027-07-01T20:30:00.000Z");
    expect(value.rsvpDeadline?.toISOString()).toBe("2027-06-25T15:00:00.000Z");
    expect(value.timeZone).toBe("Europe/Berlin");
  });

  test("a start skipped by the clocks going forward is refused with a clear message", () => {
    const errors = errorsOf(submit({ ...outing, timeZone: "Europe/Berlin", startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T05:00" }));
    expect(errors["startsAt"]).toEqual(["2027-03-28 02:30 doesn't exist in Europe/Berlin: the clocks skip that hour. Choose a time outside it."]);
  });

  test("the end must follow the start, the RSVP deadline must precede it, and the zone must be real", () => {
    const errors = errorsOf(submit({ ...outing, endsAt: "2027-03-14T18:00", rsvpDeadline: "2027-03-14T19:30" }));
    expect(errors["endsAt"]).toEqual(["The event must end after it starts."]);
    expect(errors["rsvpDeadline"]).toEqual(["The RSVP deadline must be before the event starts."]);
    expect(errorsOf(submit({ ...outing, timeZone: "Europe/Atlantis" }))["timeZone"]).toEqual(["Choose a time zone from the list."]);
    expect(errorsOf(submit({ ...outing, endsAt: "2027-04-01T22:00" }))["endsAt"]).toEqual([
      "An event can last at most 14 days. Split longer plans into several events.",
    ]);
  });

  test("a new start must be in the future, but an edit may keep a start that has passed", () => {
    const past = { ...outing, startsAt: "2026-11-01T19:00", endsAt: "2026-11-01T22:00" };
    expect(errorsOf(submit(past))["startsAt"]).toEqual(["That time has already passed. Choose a start in the future."]);
    expect(submit(past, "outing", { local: "2026-11-01T19:00", timeZone: "America/New_York" }).status).toBe("success");
    expect(errorsOf(submit(past, "outing", { local: "2026-11-01T19:00", timeZone: "Europe/Berlin" }))["startsAt"]).toHaveLength(1);
  });
});

describe("basics", () => {
  test("every mistake shows on the first submit, not one field at a time", () => {
    const errors = errorsOf(submit({ ...outing, title: "", outingType: "", "quotas.initiator": "30", onlineUrl: "http://example.com" }));
    expect(Object.keys(errors).sort()).toEqual(["onlineUrl", "outingType", "quotas", "title"]);
    expect(errors["title"]).toEqual(["Give the event a title."]);
    expect(errors["onlineUrl"]).toEqual(["Enter a full link that starts with https://"]);
    expect(errors["outingType"]).toEqual(["Choose what kind of outing it is."]);
  });

  test("the kind of event comes from the page, not from the form", () => {
    expect(errorsOf(submit({ ...outing, kind: "volunteer_day" }))["kind"]).toHaveLength(1);
  });
});

describe("questions", () => {
  test("blank rows are ignored and options are one per line", () => {
    const value = valueOf(
      submit({
        ...outing,
        "questions[0].prompt": "Dietary needs?",
        "questions[0].kind": "multiple_choice",
        "questions[0].options": "Vegetarian\r\n\r\n  Vegan \nNo nuts",
        "questions[0].required": "on",
        "questions[1].prompt": "",
        "questions[1].kind": "short_text",
        "questions[1].options": "",
        "questions[2].id": "q_existing",
        "questions[2].prompt": "T-shirt size",
        "questions[2].kind": "short_text",
      }),
    );
    expect(value.questions).toEqual([
      { id: undefined, prompt: "Dietary needs?", kind: "multiple_choice", options: ["Vegetarian", "Vegan", "No nuts"], required: true },
      { id: "q_existing", prompt: "T-shirt size", kind: "short_text", options: [], required: false },
    ]);
  });

  test("choice questions need two distinct options; short answers take none; the question itself is required", () => {
    const errors = errorsOf(
      submit({
        ...outing,
        "questions[0].prompt": "Seat?",
        "questions[0].kind": "single_choice",
        "questions[0].options": "Aisle",
        "questions[1].prompt": "Name?",
        "questions[1].kind": "short_text",
        "questions[1].options": "Ada",
        "questions[2].kind": "single_choice",
        "questions[2].options": "S\nM",
        "questions[3].prompt": "Size?",
        "questions[3].kind": "single_choice",
        "questions[3].options": "S\ns",
      }),
    );
    expect(errors["questions[0].options"]).toEqual(["List at least two options, one per line."]);
    expect(errors["questions[1].options"]).toEqual(["Short answers don't have options. Clear them, or let people pick from a list."]);
    expect(errors["questions[2].prompt"]).toEqual(["Write the question, or clear its options to remove it."]);
    expect(errors["questions[3].options"]).toEqual(["Each option should appear once."]);
  });

  test("at most ten questions", () => {
    const fields: Record<string, string> = { ...outing };
    for (let index = 0; index < 11; index++) fields[`questions[${index}].prompt`] = `Question ${index}`;
    expect(errorsOf(submit(fields))["questions"]).toEqual(["You can ask up to 10 questions. Remove some to save."]);
  });
});

describe("volunteer day shifts", () => {
  test("shift times are on the event's days in its zone; blank rows are ignored", () => {
    const value = valueOf(
      submit(
        {
          ...volunteerDay,
          endsAt: "2027-06-13T16:00",
          "shifts[1].role": "Sorting",
          "shifts[1].day": "2",
          "shifts[1].startTime": "10:00",
          "shifts[1].endTime": "11:30",
          "shifts[1].capacity": "4",
          "shifts[1].waiverText": "I know the risks.",
          "shifts[2].day": "1",
        },
        "volunteer_day",
      ),
    );
    expect(value.shifts.map((shift) => [shift.role, shift.startsAt.toISOString(), shift.endsAt.toISOString(), shift.capacity, shift.waiverText])).toEqual([
      ["Litter pick", "2027-06-12T07:00:00.000Z", "2027-06-12T10:00:00.000Z", 10, null],
      ["Sorting", "2027-06-13T08:00:00.000Z", "2027-06-13T09:30:00.000Z", 4, "I know the risks."],
    ]);
  });

  test("a volunteer day needs at least one shift", () => {
    const { "shifts[0].role": _role, "shifts[0].startTime": _start, "shifts[0].endTime": _end, "shifts[0].capacity": _capacity, ...withoutShifts } = volunteerDay;
    expect(errorsOf(submit(withoutShifts, "volunteer_day"))["shifts"]).toEqual(["Add at least one shift: a role, its times and how many people it needs."]);
  });

  test("a shift must fall inside the event, end after it starts, and fit in the event's seats", () => {
    const errors = errorsOf(
      submit(
        {
          ...volunteerDay,
          "shifts[0].startTime": "08:00",
          "shifts[1].role": "Backwards",
          "shifts[1].startTime": "12:00",
          "shifts[1].endTime": "11:00",
          "shifts[1].capacity": "5",
          "shifts[2].role": "Crowd",
          "shifts[2].startTime": "10:00",
          "shifts[2].endTime": "11:00",
          "shifts[2].capacity": "25",
          "shifts[3].role": "Tomorrow",
          "shifts[3].day": "2",
          "shifts[3].startTime": "10:00",
          "shifts[3].endTime": "11:00",
          "shifts[3].capacity": "2",
          "shifts[4].startTime": "10:00",
        },
        "volunteer_day",
      ),
    );
    expect(errors["shifts[0].startTime"]).toEqual([
      "Shifts must fall within the event (Sat 12 Jun 2027, 09:00–16:00 (Europe/Berlin)). Move this one inside those times.",
    ]);
    expect(errors["shifts[1].endTime"]).toEqual(["A shift must end after it starts."]);
    expect(errors["shifts[2].capacity"]).toEqual(["This shift needs 25 people but the event has 20 seats. Lower the shift's number or raise the capacity."]);
    expect(errors["shifts[3].startTime"]?.[0]).toContain("or change its day");
    expect(errors["shifts[4].role"]).toEqual(["Name the role or task, e.g. Sorting donations."]);
    expect(errors["shifts[4].endTime"]).toEqual(["Enter when the shift ends, like 12:00."]);
    expect(errors["shifts[4].capacity"]).toEqual(["Enter how many people this shift needs, e.g. 10."]);
  });

  test("outings drop stray shift rows", () => {
    const value = valueOf(submit({ ...outing, "shifts[0].role": "Usher", "shifts[0].startTime": "19:00", "shifts[0].endTime": "20:00", "shifts[0].capacity": "2" }));
    expect(value.shifts).toEqual([]);
    expect(value.outingType).toBe("show");
  });
});

describe("cost", () => {
  test("the estimate is stored in minor units with the initiator's share", () => {
    expect(valueOf(submit({ ...outing, costEstimate: "1,250.5", costCurrency: "USD", initiatorCostPercent: "60" })).cost).toEqual({
      estimateMinor: 125050,
      currency: "USD",
      initiatorPercent: 60,
    });
    expect(valueOf(submit({ ...outing, costEstimate: "30000", costCurrency: "JPY" })).cost).toEqual({ estimateMinor: 30000, currency: "JPY", initiatorPercent: 50 });
    expect(valueOf(submit(outing)).cost).toBeNull();
  });

  test("an estimate needs a currency and the right number of decimals; the share is 0 to 100", () => {
    expect(errorsOf(submit({ ...outing, costEstimate: "100" }))["costCurrency"]).toEqual(["Choose the currency of the estimate."]);
    expect(errorsOf(submit({ ...outing, costEstimate: "12.345", costCurrency: "EUR" }))["costEstimate"]).toEqual([
      "Enter the amount in EUR like 1250.50, without the currency sign.",
    ]);
    expect(errorsOf(submit({ ...outing, costEstimate: "10.5", costCurrency: "JPY" }))["costEstimate"]).toHaveLength(1);
    expect(errorsOf(submit({ ...outing, costEstimate: "100", costCurrency: "EUR", initiatorCostPercent: "101" }))["initiatorCostPercent"]).toEqual([
      "The share can't be above 100%.",
    ]);
  });
});
