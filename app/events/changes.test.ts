import { describe, expect, test } from "vitest";
import { materialChanges, materialSnapshot, type MaterialSnapshot } from "./changes";
import { zonedLocalToUtc } from "./time";

const organizations = [
  { id: "org_acme", name: "Acme" },
  { id: "org_globex", name: "Globex" },
];

const at = (local: string) => zonedLocalToUtc(local, "Europe/Berlin");

const shifts = [
  { role: "Sorting", startsAt: at("2027-06-12T09:00"), endsAt: at("2027-06-12T12:00"), capacity: 8, notes: "", waiverText: null },
  { role: "Packing", startsAt: at("2027-06-12T13:00"), endsAt: at("2027-06-12T16:00"), capacity: 8, notes: "", waiverText: null },
];

function volunteerDay(overrides: Partial<Parameters<typeof materialSnapshot>[0]> = {}) {
  return materialSnapshot({
    startsAt: at("2027-06-12T09:00"),
    endsAt: at("2027-06-12T16:00"),
    timeZone: "Europe/Berlin",
    venueName: "Food bank",
    venueAddress: "Hafenstraße 1",
    onlineUrl: null,
    capacity: 20,
    quotas: [
      { organizationId: "org_globex", seats: 10 },
      { organizationId: "org_acme", seats: 10 },
    ],
    shifts,
    ...overrides,
  });
}

describe("material changes", () => {
  test("the same facts in another order, or after a JSON round trip, are no change", () => {
    const snapshot = volunteerDay();
    const reordered = volunteerDay({ shifts: [...shifts].reverse(), quotas: [{ organizationId: "org_acme", seats: 10 }, { organizationId: "org_globex", seats: 10 }] });
    expect(materialChanges(snapshot, reordered, { organizations })).toEqual([]);
    expect(materialChanges(JSON.parse(JSON.stringify(snapshot)) as MaterialSnapshot, snapshot, { organizations })).toEqual([]);
  });

  test("reads as before → after, with seats named by company and shifts matched by role", () => {
    const before = volunteerDay();
    const after = volunteerDay({
      venueAddress: "",
      onlineUrl: "https://meet.example.com/day",
      quotas: [
        { organizationId: "org_acme", seats: 12 },
        { organizationId: "org_globex", seats: 8 },
      ],
      shifts: [
        { role: "Sorting", startsAt: at("2027-06-12T10:00"), endsAt: at("2027-06-12T12:00"), capacity: 8, notes: "Gloves provided", waiverText: null },
        { role: "Driving", startsAt: at("2027-06-12T13:00"), endsAt: at("2027-06-12T15:00"), capacity: 2, notes: "", waiverText: "I hold a licence." },
      ],
    });
    expect(materialChanges(before, after, { organizations })).toEqual([
      { field: "venueAddress", label: "Address", before: "Hafenstraße 1", after: "None" },
      { field: "onlineUrl", label: "Online link", before: "None", after: "https://meet.example.com/day" },
      { field: "quota:org_acme", label: "Acme's seats", before: "10", after: "12" },
      { field: "quota:org_globex", label: "Globex's seats", before: "10", after: "8" },
      {
        field: "shift",
        label: "Shift: Sorting",
        before: "Sat 12 Jun 2027, 09:00–12:00 (Europe/Berlin) · 8 people",
        after: "Sat 12 Jun 2027, 10:00–12:00 (Europe/Berlin) · 8 people · Notes: Gloves provided",
      },
      { field: "shift", label: "Shift: Packing", before: "Sat 12 Jun 2027, 13:00–16:00 (Europe/Berlin) · 8 people", after: "Removed" },
      {
        field: "shift",
        label: "Shift: Driving",
        before: "Not planned",
        after: "Sat 12 Jun 2027, 13:00–15:00 (Europe/Berlin) · 2 people · Waiver: I hold a licence.",
      },
    ]);
  });

  test("a new date shows each version in its own zone", () => {
    const before = volunteerDay();
    const after = volunteerDay({ timeZone: "Europe/London", startsAt: zonedLocalToUtc("2027-06-19T09:00", "Europe/London"), endsAt: zonedLocalToUtc("2027-06-19T16:00", "Europe/London"), shifts: [] });
    const [when] = materialChanges(before, after, { organizations });
    expect(when).toEqual({
      field: "when",
      label: "When",
      before: "Sat 12 Jun 2027, 09:00–16:00 (Europe/Berlin)",
      after: "Sat 19 Jun 2027, 09:00–16:00 (Europe/London)",
    });
  });
});
