import { afterEach, describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { uniqueSuffix } from "#tests/factories";
import { confirmedEventWorld } from "#tests/invitations/world";
import { invitationImportJob, runInvitationImport, startInvitationImport } from "./import.server";
import { importAndWork, ownList, workImportJobs } from "./imports.test-support";
import { InviteListError } from "./list-rules";

describe("startInvitationImport", () => {
  test("stores the import and queues its job in the same transaction; the job adds the good rows and lists the bad ones", async () => {
    const world = await confirmedEventWorld();
    const text = ["Ann Lee <ann@acme.example>", "bob@", "Carl Diaz, carl@acme.example, Sales"].join("\n");

    const { importId } = await startInvitationImport(world.scopes.acmeManager, world.eventId, { source: "pasted", content: text });

    const queued = await db.$queryRaw<{ data: { importId: string } }[]>`SELECT data FROM pgboss.job WHERE name = ${invitationImportJob.name} AND data->>'importId' = ${importId}`;
    expect(queued).toEqual([{ data: { importId } }]);
    expect(await db.invitationImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "pending", totalRows: 3, content: text });

    expect(await workImportJobs()).toBe(1);

    expect(await db.invitationImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
      status: "done",
      totalRows: 3,
      processedRows: 3,
      addedCount: 2,
      mergedCount: 0,
      rejectedRows: [{ line: 2, value: "bob@", reason: "'bob@' is not an email address" }],
      flaggedRows: [],
      content: "",
      finishedAt: expect.any(Date),
    });
    expect(await ownList(world.eventId, world.acme.organization.id)).toMatchObject([
      { email: "ann@acme.example", name: "Ann Lee", team: "", source: "pasted" },
      { email: "carl@acme.example", name: "Carl Diaz", team: "Sales", source: "pasted" },
    ]);
  });

  test("refuses input that can't be imported at all, storing nothing", async () => {
    const world = await confirmedEventWorld();

    await expect(startInvitationImport(world.scopes.acmeManager, world.eventId, { source: "csv", content: "Name,Phone\nAnn,555\n" })).rejects.toThrow(
      "The first row of the file must name its columns",
    );
    const huge = ["name,email", ...Array.from({ length: 20_001 }, (_, index) => `P${index},p${index}@acme.example`)].join("\n");
    await expect(startInvitationImport(world.scopes.acmeManager, world.eventId, { source: "csv", content: huge })).rejects.toThrow("more than 20,000 rows");

    expect(await db.invitationImport.count({ where: { eventId: world.eventId } })).toBe(0);
  });

  test("refuses a cancelled event's list, and a member who can't plan", async () => {
    const world = await confirmedEventWorld();

    await expect(startInvitationImport(world.scopes.acmeMember, world.eventId, { source: "pasted", content: "ann@acme.example" })).rejects.toMatchObject({ init: { status: 403 } });
    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });
    await expect(startInvitationImport(world.scopes.acmeManager, world.eventId, { source: "pasted", content: "ann@acme.example" })).rejects.toEqual(
      new InviteListError("This event was cancelled, so its invite lists can no longer change.", 409),
    );
  });
});

describe("importing a CSV", () => {
  test("merges rows already on the list (a given name or team replaces the stored one), flags suppressed addresses and refuses the partner's", async () => {
    const world = await confirmedEventWorld();
    const suffix = uniqueSuffix();
    const bounced = `bounced-${suffix}@acme.example`;
    const complained = `complained-${suffix}@acme.example`;
    const partners = `shared-${suffix}@example.com`;
    await db.emailSuppression.createMany({ data: [{ email: bounced, reason: "bounced" }, { email: complained, reason: "complained" }] });
    await db.eventInvitation.create({ data: { eventId: world.eventId, organizationId: world.globex.organization.id, email: partners, name: "Shared Person", source: "csv" } });
    await importAndWork(world.scopes.acmeManager, world.eventId, "pasted", "Old Name, ann@acme.example, Old Team\nbob@acme.example");

    const csv = [
      "Email,Name,Team",
      "ANN@acme.example,Ann Lee,",
      "bob@acme.example,,Ops",
      `${bounced},Bea Bounce,`,
      `${complained},Cy Complain,`,
      `${partners},Shared Person,`,
      "dee@acme.example,Dee,",
      "Dee@Acme.example,Dee Fox,",
    ].join("\n");
    const result = await importAndWork(world.scopes.acmeManager, world.eventId, "csv", csv);

    expect(result).toMatchObject({
      status: "done",
      totalRows: 7,
      processedRows: 7,
      addedCount: 3,
      mergedCount: 3,
      rejectedRows: [{ line: 6, value: partners, reason: `already invited by ${world.globex.organization.name}` }],
      flaggedRows: [
        { line: 4, email: bounced, reason: "bounced" },
        { line: 5, email: complained, reason: "complained" },
      ],
    });
    const list = await ownList(world.eventId, world.acme.organization.id);
    expect(list.map((row) => [row.email, row.name, row.team])).toEqual([
      ["ann@acme.example", "Ann Lee", "Old Team"],
      ["bob@acme.example", "", "Ops"],
      [bounced, "Bea Bounce", ""],
      [complained, "Cy Complain", ""],
      ["dee@acme.example", "Dee Fox", ""],
    ]);
    expect(await db.eventInvitation.findFirstOrThrow({ where: { eventId: world.eventId, email: partners } })).toMatchObject({ organizationId: world.globex.organization.id });
  });

  test("an import that fails on the worker is marked failed with a message, and its content is cleared", async () => {
    const world = await confirmedEventWorld();
    const { importId } = await startInvitationImport(world.scopes.acmeManager, world.eventId, { source: "pasted", content: "ann@acme.example" });
    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });

    await runInvitationImport(importId);

    expect(await db.invitationImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
      status: "failed",
      error: "This event was cancelled, so its invite lists can no longer change.",
      content: "",
    });
    expect(await ownList(world.eventId, world.acme.organization.id)).toEqual([]);
    await workImportJobs();
  });

  test("running a finished import again changes nothing", async () => {
    const world = await confirmedEventWorld();
    const finished = await importAndWork(world.scopes.acmeManager, world.eventId, "pasted", "ann@acme.example");

    await runInvitationImport(finished.id);

    expect(await db.invitationImport.findUniqueOrThrow({ where: { id: finished.id } })).toEqual(finished);
  });
});

describe("a 5,000-row import", () => {
  const probeSchema = `import_probe_${uniqueSuffix()}`;

  afterEach(async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS import_probe_fail ON event_invitations`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS import_probe_log ON invitation_imports`);
    await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${probeSchema} CASCADE`);
  });

  function rows(count: number, domain: string) {
    return ["name,email,team", ...Array.from({ length: count }, (_, index) => `Person ${index},person-${index}@${domain},Team ${index % 7}`)].join("\n");
  }

  test("adds every row in one go and reports progress to the page while it runs", async () => {
    const world = await confirmedEventWorld();
    // Logs every progress write the page could read, in the order they were committed.
    await db.$executeRawUnsafe(`CREATE SCHEMA ${probeSchema}`);
    await db.$executeRawUnsafe(`CREATE TABLE ${probeSchema}.progress (seq serial PRIMARY KEY, import_id text, status text, processed_rows int)`);
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${probeSchema}.log_progress() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${probeSchema}.progress (import_id, status, processed_rows) VALUES (NEW.id, NEW.status::text, NEW.processed_rows);
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER import_probe_log AFTER UPDATE ON invitation_imports FOR EACH ROW EXECUTE FUNCTION ${probeSchema}.log_progress()`);
    const domain = `big-${uniqueSuffix()}.example`;

    const result = await importAndWork(world.scopes.acmeManager, world.eventId, "csv", `${rows(5_000, domain)}\nBad Row,bad@,\n`);

    expect(result).toMatchObject({ status: "done", totalRows: 5_001, processedRows: 5_001, addedCount: 5_000, mergedCount: 0 });
    expect(result.rejectedRows).toEqual([{ line: 5_002, value: "Bad Row, bad@,", reason: "'bad@' is not an email address" }]);
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId, email: { endsWith: `@${domain}` } } })).toBe(5_000);

    const progress = await db.$queryRawUnsafe<{ status: string; processed_rows: number }[]>(
      `SELECT status, processed_rows FROM ${probeSchema}.progress WHERE import_id = $1 ORDER BY seq`,
      result.id,
    );
    const reported = progress.filter((entry) => entry.status === "importing").map((entry) => entry.processed_rows);
    // Starting, then the bad row settled by reading, then (on a PostgreSQL server) the rows as
    // they are written, never going backwards.
    expect(reported.slice(0, 2)).toEqual([0, 1]);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    const [database] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
    // The embedded database has one session for every connection: writes from outside the open
    // transaction wait for it to end, and then find the import done.
    if (!database!.version.includes("PGlite")) expect(reported.filter((count) => count > 1 && count < 5_001).length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ status: "done", processed_rows: 5_001 });
  }, 120_000);

  test("never half-applies: a failure on the last rows leaves the list exactly as it was and marks the import failed", async () => {
    const world = await confirmedEventWorld();
    const domain = `doomed-${uniqueSuffix()}.example`;
    await importAndWork(world.scopes.acmeManager, world.eventId, "pasted", `Keeper <keeper@${domain}>`);
    const before = await ownList(world.eventId, world.acme.organization.id);
    // The database refuses row 4,990 of the upload, after thousands were already written.
    await db.$executeRawUnsafe(`CREATE SCHEMA ${probeSchema}`);
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${probeSchema}.fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email = 'person-4989@${domain}' THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER import_probe_fail BEFORE INSERT ON event_invitations FOR EACH ROW EXECUTE FUNCTION ${probeSchema}.fail()`);

    const result = await importAndWork(world.scopes.acmeManager, world.eventId, "csv", `${rows(5_000, domain)}\nkeeper@${domain},Renamed Keeper,`);

    expect(result).toMatchObject({ status: "failed", addedCount: 0, content: "", error: expect.stringContaining("none of them were added") });
    expect(await ownList(world.eventId, world.acme.organization.id)).toEqual(before);
  }, 120_000);
});
