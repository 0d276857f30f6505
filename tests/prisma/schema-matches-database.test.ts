import { readFileSync } from "node:fs";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/**
 * Migrations are written by hand (docs/decisions/002-migrations.md), so this compares what they
 * build with what schema.prisma — and so the Prisma client — believes is there.
 */

type Datamodel = Extract<ReturnType<typeof getDMMF>, { datamodel: unknown }>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

type ColumnType = { dataType: string; udtName: string };

const SCALAR_COLUMN_TYPES: Record<string, ColumnType> = {
  String: { dataType: "text", udtName: "text" },
  Int: { dataType: "integer", udtName: "int4" },
  BigInt: { dataType: "bigint", udtName: "int8" },
  Float: { dataType: "double precision", udtName: "float8" },
  Decimal: { dataType: "numeric", udtName: "numeric" },
  Boolean: { dataType: "boolean", udtName: "bool" },
  DateTime: { dataType: "timestamp without time zone", udtName: "timestamp" },
  Json: { dataType: "jsonb", udtName: "jsonb" },
  Bytes: { dataType: "bytea", udtName: "bytea" },
};

// Only the @db.* attributes a PostgreSQL schema is likely to use; an unknown one fails loudly.
const NATIVE_COLUMN_TYPES: Record<string, ColumnType> = {
  Text: SCALAR_COLUMN_TYPES.String!,
  VarChar: { dataType: "character varying", udtName: "varchar" },
  Char: { dataType: "character", udtName: "bpchar" },
  Uuid: { dataType: "uuid", udtName: "uuid" },
  Citext: { dataType: "USER-DEFINED", udtName: "citext" },
  Timestamp: SCALAR_COLUMN_TYPES.DateTime!,
  Timestamptz: { dataType: "timestamp with time zone", udtName: "timestamptz" },
  Date: { dataType: "date", udtName: "date" },
  SmallInt: { dataType: "smallint", udtName: "int2" },
  Integer: SCALAR_COLUMN_TYPES.Int!,
  Real: { dataType: "real", udtName: "float4" },
  DoublePrecision: SCALAR_COLUMN_TYPES.Float!,
  JsonB: SCALAR_COLUMN_TYPES.Json!,
  Json: { dataType: "json", udtName: "json" },
  Inet: { dataType: "inet", udtName: "inet" },
};

// pg_constraint.confdeltype
const REFERENTIAL_ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

type ColumnRow = { table_name: string; column_name: string; is_nullable: "YES" | "NO"; data_type: string; udt_name: string };
type IndexRow = { table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] };
type ForeignKeyRow = { table_name: string; constraint_name: string; columns: string[]; referenced_table: string; referenced_columns: string[]; on_delete: string };

const datamodel = readDatamodel();
const modelTables = new Set(datamodel.models.map(tableOf));
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let tables: Set<string>;
let columns: Map<string, ColumnRow>;
let indexes: IndexRow[];
let foreignKeys: ForeignKeyRow[];
let enumValues: Map<string, string[]>;

beforeAll(async () => {
  await client.connect();
  const tableRows = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  tables = new Set(tableRows.rows.map((row) => row.table_name).filter((name) => !IGNORED_TABLES.has(name)));

  const columnRows = await client.query<ColumnRow>(
    `SELECT table_name, column_name, is_nullable, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  columns = new Map(columnRows.rows.filter((row) => tables.has(row.table_name)).map((row) => [`${row.table_name}.${row.column_name}`, row]));

  const indexRows = await client.query<IndexRow>(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
      array(
        SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.position
      )::text[] AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND ix.indpred IS NULL`);
  indexes = indexRows.rows;

  const foreignKeyRows = await client.query<ForeignKeyRow>(`
    SELECT t.relname AS table_name, c.conname AS constraint_name, r.relname AS referenced_table, c.confdeltype AS on_delete,
      array(
        SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.position
      )::text[] AS columns,
      array(
        SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.position
      )::text[] AS referenced_columns
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  foreignKeys = foreignKeyRows.rows;

  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    ORDER BY t.typname, e.enumsortorder`);
  enumValues = new Map();
  for (const row of enumRows.rows) enumValues.set(row.name, [...(enumValues.get(row.name) ?? []), row.value]);
});

afterAll(async () => {
  await client.end();
});

describe("the migrated database matches prisma/schema.prisma", () => {
  test("every model has its table, and every table has its model", () => {
    const problems = [
      ...[...modelTables].filter((table) => !tables.has(table)).map((table) => `table ${table} is in schema.prisma but not in the database: add it in a migration`),
      ...[...tables].filter((table) => !modelTables.has(table)).map((table) => `table ${table} is in the database but no model in schema.prisma maps to it`),
    ];
    expect(problems).toEqual([]);
  });

  test("every column exists with the schema's type and nullability, and no column is unknown to the schema", () => {
    const problems: string[] = [];
    const expectedColumns = new Set<string>();
    for (const model of datamodel.models) {
      const table = tableOf(model);
      if (!tables.has(table)) continue;
      for (const field of scalarFields(model)) {
        const name = `${table}.${columnOf(field)}`;
        expectedColumns.add(name);
        const column = columns.get(name);
        if (!column) {
          problems.push(`column ${name} (${model.name}.${field.name}) is in schema.prisma but not in the database`);
          continue;
        }
        const expected = expectedColumnType(field);
        if (column.data_type !== expected.dataType || column.udt_name !== expected.udtName) {
          problems.push(`column ${name} is ${describeType(column.data_type, column.udt_name)} in the database but ${describeType(expected.dataType, expected.udtName)} in schema.prisma (${field.type}${field.isList ? "[]" : ""})`);
        }
        // Prisma creates scalar lists as nullable columns whatever the schema says.
        if (!field.isList) {
          const nullable = column.is_nullable === "YES";
          if (nullable && field.isRequired) problems.push(`column ${name} is nullable in the database but required in schema.prisma`);
          if (!nullable && !field.isRequired) problems.push(`column ${name} is NOT NULL in the database but optional in schema.prisma`);
        }
      }
    }
    for (const [name, column] of columns) {
      if (modelTables.has(column.table_name) && !expectedColumns.has(name)) problems.push(`column ${name} is in the database but not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  test("every enum exists with the same values in the same order", () => {
    const problems: string[] = [];
    for (const schemaEnum of datamodel.enums) {
      const name = schemaEnum.dbName ?? schemaEnum.name;
      const expected = schemaEnum.values.map((value) => value.dbName ?? value.name);
      const actual = enumValues.get(name);
      if (!actual) problems.push(`enum ${name} is in schema.prisma but not in the database`);
      else if (actual.join() !== expected.join()) problems.push(`enum ${name} has values (${actual.join(", ")}) in the database but (${expected.join(", ")}) in schema.prisma`);
    }
    const schemaEnums = new Set(datamodel.enums.map((schemaEnum) => schemaEnum.dbName ?? schemaEnum.name));
    for (const name of enumValues.keys()) {
      if (!schemaEnums.has(name)) problems.push(`enum ${name} is in the database but not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  test("every @id, @unique, @@unique and @@index has a matching index", () => {
    const problems: string[] = [];
    for (const index of datamodel.indexes) {
      if (index.type === "fulltext") continue;
      const model = modelNamed(index.model);
      const table = tableOf(model);
      // A missing table is reported once, by the table check.
      if (!tables.has(table)) continue;
      const indexColumns = index.fields.map((field) => columnOf(fieldNamed(model, field.name)));
      const kind = { id: "primary key", unique: "unique index", normal: "index" }[index.type];
      const match = indexes.find(
        (candidate) =>
          candidate.table_name === table &&
          candidate.columns.join() === indexColumns.join() &&
          (index.type === "id" ? candidate.is_primary : index.type === "unique" ? candidate.is_unique : true),
      );
      if (!match) problems.push(`${table} has no ${kind} on (${indexColumns.join(", ")}), which schema.prisma declares on ${model.name}`);
    }
    expect(problems).toEqual([]);
  });

  test("every relation has a foreign key with the schema's columns and onDelete action", () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      if (!tables.has(table)) continue;
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = modelNamed(field.type);
        const fromColumns = field.relationFromFields.map((name) => columnOf(fieldNamed(model, name)));
        const toColumns = (field.relationToFields ?? []).map((name) => columnOf(fieldNamed(target, name)));
        const description = `${table}(${fromColumns.join(", ")}) → ${tableOf(target)}(${toColumns.join(", ")})`;
        const foreignKey = foreignKeys.find(
          (candidate) =>
            candidate.table_name === table &&
            candidate.referenced_table === tableOf(target) &&
            candidate.columns.join() === fromColumns.join() &&
            candidate.referenced_columns.join() === toColumns.join(),
        );
        if (!foreignKey) {
          problems.push(`relation ${model.name}.${field.name} has no foreign key ${description} in the database`);
          continue;
        }
        const expectedOnDelete = field.relationOnDelete ?? defaultOnDelete(model, field);
        const actualOnDelete = REFERENTIAL_ACTIONS[foreignKey.on_delete];
        if (actualOnDelete !== expectedOnDelete) {
          problems.push(`foreign key ${foreignKey.constraint_name} ${description} is ON DELETE ${actualOnDelete} in the database but onDelete: ${expectedOnDelete} in schema.prisma`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

function readDatamodel(): Datamodel {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const document = getDMMF({ datamodel: schema });
  if ("reason" in document) throw new Error(`prisma/schema.prisma could not be read: ${document.reason}`, { cause: document.error });
  return document.datamodel;
}

function tableOf(model: Model): string {
  return model.dbName ?? model.name;
}

function columnOf(field: Field): string {
  return field.dbName ?? field.name;
}

function scalarFields(model: Model): Field[] {
  return model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
}

function modelNamed(name: string): Model {
  const model = datamodel.models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`schema.prisma has no model ${name}`);
  return model;
}

function fieldNamed(model: Model, name: string): Field {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`schema.prisma has no field ${model.name}.${name}`);
  return field;
}

function expectedColumnType(field: Field): ColumnType {
  const element = elementColumnType(field);
  return field.isList ? { dataType: "ARRAY", udtName: `_${element.udtName}` } : element;
}

function elementColumnType(field: Field): ColumnType {
  if (field.kind === "enum") {
    const schemaEnum = datamodel.enums.find((candidate) => candidate.name === field.type);
    return { dataType: "USER-DEFINED", udtName: schemaEnum?.dbName ?? field.type };
  }
  const nativeType = field.nativeType?.[0];
  const type = nativeType ? NATIVE_COLUMN_TYPES[nativeType] : SCALAR_COLUMN_TYPES[field.type];
  if (!type) throw new Error(`This test does not know which PostgreSQL type ${field.type}${nativeType ? ` @db.${nativeType}` : ""} maps to; add it to the table at the top of the file.`);
  return type;
}

function describeType(dataType: string, udtName: string): string {
  return dataType === "USER-DEFINED" || dataType === "ARRAY" ? `${dataType} ${udtName}` : dataType;
}

/** Prisma's default when the schema names no onDelete: Restrict for required relations, SetNull for optional ones. */
function defaultOnDelete(model: Model, relation: Field): string {
  const required = (relation.relationFromFields ?? []).every((name) => fieldNamed(model, name).isRequired);
  return required ? "Restrict" : "SetNull";
}
