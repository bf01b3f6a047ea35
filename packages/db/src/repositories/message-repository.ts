import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import type { JsonValue } from '../json';
import type { z } from 'zod';
import {
  appendEventInputSchema,
  insertMessageInputSchema,
  listMessagesOptionsSchema,
  type AppendEventInput,
  type InsertMessageInput,
  type ListMessagesOptions,
  type MessageContentType,
  type MessageEventOutcome,
  type MessageStatus,
  type MessageTransport,
} from '../message-schemas';
import { fail, guardWrite, ok, parseInput, type DbResult } from '../result';
import { isUuid } from '../schemas';

/** A message as lists show it: no content. */
export interface MessageSummary {
  id: string;
  channelId: string;
  receivedAt: Date;
  transport: MessageTransport;
  contentType: MessageContentType;
  sendingFacility: string | null;
  controlId: string | null;
  status: MessageStatus;
  versionId: string | null;
  attempts: number;
  nextAttemptAt: Date;
  patientKey: string | null;
}

export interface MessageRecord extends MessageSummary {
  raw: string;
  lastError: JsonValue | null;
  bundle: JsonValue | null;
  validation: JsonValue | null;
  parsed: JsonValue | null;
}

export interface MessageEventRecord {
  id: string;
  messageId: string;
  stage: string;
  outcome: MessageEventOutcome;
  startedAt: Date;
  durationMs: number;
  error: JsonValue | null;
  attempt: number;
}

export interface MessagePage {
  items: MessageSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface MessageRepository {
  /**
   * Stores an inbound message. The same (channel, sending facility, control id) received again is a
   * sender's retry, not an error: the first message's id comes back with `duplicate: true` and nothing is
   * written. Messages without a control id are never merged.
   */
  insert(input: InsertMessageInput): Promise<DbResult<{ id: string; duplicate: boolean }>>;
  /**
   * Stores the messages of one delivery in one transaction (group commit), with one multi-row INSERT per
   * 1,000 messages; answers in input order, duplicates (also within the batch) as for `insert`.
   */
  insertMany(inputs: readonly InsertMessageInput[]): Promise<DbResult<{ id: string; duplicate: boolean }[]>>;
  get(id: string): Promise<MessageRecord | null>;
  /** Newest first, filtered by channel, status and time received; paginated by cursor. */
  list(options?: ListMessagesOptions): Promise<DbResult<MessagePage>>;
  /** Adds a step to the message's timeline (append-only). */
  appendEvent(input: AppendEventInput): Promise<DbResult<MessageEventRecord>>;
  /** The message's timeline in the order it happened. */
  events(messageId: string): Promise<MessageEventRecord[]>;
}

type ParsedInsert = z.output<typeof insertMessageInputSchema>;

const summarySelect = {
  id: true,
  channelId: true,
  receivedAt: true,
  transport: true,
  contentType: true,
  sendingFacility: true,
  controlId: true,
  status: true,
  versionId: true,
  attempts: true,
  nextAttemptAt: true,
  patientKey: true,
} satisfies Prisma.MessageSelect;

const recordSelect = {
  ...summarySelect,
  raw: true,
  lastError: true,
  bundle: true,
  validation: true,
  parsed: true,
} satisfies Prisma.MessageSelect;

const eventSelect = {
  id: true,
  messageId: true,
  stage: true,
  outcome: true,
  startedAt: true,
  durationMs: true,
  error: true,
  attempt: true,
} satisfies Prisma.MessageEventSelect;

// Prisma's enum identifiers cannot hold a hyphen; the database value is 'fhir-ndjson'.
const fromPrismaContentType = (value: string): MessageContentType =>
  value === 'fhir_ndjson' ? 'fhir-ndjson' : (value as MessageContentType);

export function createMessageRepository(prisma: PrismaClient): MessageRepository {
  const repository: MessageRepository = {
    async insert(input) {
      const stored = await repository.insertMany([input]);
      return stored.ok ? ok(stored.value[0]!) : stored;
    },

    async insertMany(inputs) {
      const rows: Row[] = [];
      for (const [index, input] of inputs.entries()) {
        const parsed = parseInput(
          insertMessageInputSchema,
          input,
          inputs.length > 1 ? `message ${index + 1}` : 'message',
        );
        if (!parsed.ok) return parsed;
        rows.push({ id: randomUUID(), ...parsed.value });
      }
      if (rows.length === 0) return ok([]);
      const at = { entity: 'message', id: rows[0]!.channelId };
      const written = await guardWrite(
        at,
        { conflict: 'Duplicate message', invalidReference: 'No such channel' },
        () =>
          prisma
            .$transaction((tx) => insertUnlessDuplicate(tx, rows))
            .catch((error: unknown) => {
              // A raw query reports a foreign-key failure as P2010, not P2003: undefined means "no such channel".
              if (isForeignKeyViolation(error)) return undefined;
              throw error;
            }),
      );
      if (!written.ok) return written;
      if (written.value === undefined)
        return fail({
          code: 'invalid_reference',
          message: 'No such channel',
          at: { ...at, fields: ['channelId'] },
        });
      return ok(written.value);
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.message.findUnique({ where: { id }, select: recordSelect });
      if (!row) return null;
      return {
        ...row,
        contentType: fromPrismaContentType(row.contentType),
        lastError: row.lastError as JsonValue | null,
        bundle: row.bundle as JsonValue | null,
        validation: row.validation as JsonValue | null,
        parsed: row.parsed as JsonValue | null,
      };
    },

    async list(options = {}) {
      const parsed = parseInput(listMessagesOptionsSchema, options, 'message list');
      if (!parsed.ok) return parsed;
      const { channelId, status, from, to, limit, cursor } = parsed.value;
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (after === undefined)
        return fail({
          code: 'invalid_input',
          message: 'Invalid message list: cursor: not a cursor this list returned',
          at: { entity: 'message list', fields: ['cursor'] },
        });
      const where: Prisma.MessageWhereInput = {
        channelId,
        status,
        receivedAt: { gte: from, lt: to },
        ...(after && {
          OR: [
            { receivedAt: { lt: after.receivedAt } },
            { receivedAt: after.receivedAt, id: { lt: after.id } },
          ],
        }),
      };
      const rows = await prisma.message.findMany({
        where,
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
        select: summarySelect,
      });
      const items = rows
        .slice(0, limit)
        .map((row) => ({ ...row, contentType: fromPrismaContentType(row.contentType) }));
      const last = items.at(-1);
      return ok({ items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null });
    },

    async appendEvent(input) {
      const parsed = parseInput(appendEventInputSchema, input, 'message event');
      if (!parsed.ok) return parsed;
      const { error, ...event } = parsed.value;
      const written = await guardWrite(
        { entity: 'message event', id: event.messageId },
        { conflict: 'Duplicate message event', invalidReference: 'No such message' },
        () =>
          prisma.messageEvent.create({
            data: {
              ...event,
              error: error === undefined || error === null ? Prisma.DbNull : (error as Prisma.InputJsonValue),
            },
            select: eventSelect,
          }),
      );
      if (!written.ok) return written;
      return ok({ ...written.value, error: written.value.error as JsonValue | null });
    },

    async events(messageId) {
      if (!isUuid(messageId)) return [];
      const rows = await prisma.messageEvent.findMany({
        where: { messageId },
        orderBy: { sequence: 'asc' },
        select: eventSelect,
      });
      return rows.map((row) => ({ ...row, error: row.error as JsonValue | null }));
    },
  };
  return repository;
}

type Row = ParsedInsert & { id: string };
type Tx = Pick<PrismaClient, '$queryRaw'>;

// 11 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters per statement.
const ROWS_PER_STATEMENT = 1000;

/**
 * Each row's stored id, in order: its own when it landed, the first copy's when the same (channel,
 * facility, control id) was already there or came earlier in `rows`. Ids are chosen here so that RETURNING
 * tells which rows landed.
 */
async function insertUnlessDuplicate(tx: Tx, rows: Row[]): Promise<{ id: string; duplicate: boolean }[]> {
  const landed = new Set<string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map(
      (m) => Prisma.sql`(${m.id}::uuid, ${m.channelId}::uuid, ${m.transport}::"message_transport",
        ${m.contentType}::"message_content_type", ${m.raw}, ${m.sendingFacility ?? null}::text,
        ${m.controlId ?? null}::text, ${m.patientKey ?? null}::text,
        COALESCE(${m.receivedAt ?? null}::timestamptz, CURRENT_TIMESTAMP), ${m.status}::"message_status",
        ${m.lastError === undefined || m.lastError === null ? null : JSON.stringify(m.lastError)}::jsonb)`,
    );
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit, so of two racing
    // copies exactly one row lands and the other finds it below.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "messages"
        ("id", "channel_id", "transport", "content_type", "raw", "sending_facility", "control_id",
         "patient_key", "received_at", "status", "last_error")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("channel_id", "sending_facility", "control_id") DO NOTHING
      RETURNING "id"::text AS "id"`;
    for (const { id } of inserted) landed.add(id);
  }
  const keyOf = (channelId: string, facility: string | null, controlId: string | null) =>
    JSON.stringify([channelId, facility, controlId]);
  const skipped = rows.filter((m) => !landed.has(m.id));
  const firsts = new Map<string, string>();
  for (let start = 0; start < skipped.length; start += ROWS_PER_STATEMENT) {
    const keys = skipped
      .slice(start, start + ROWS_PER_STATEMENT)
      .map(
        (m) =>
          Prisma.sql`(${m.channelId}::uuid, ${m.sendingFacility ?? null}::text, ${m.controlId ?? null}::text)`,
      );
    const found = await tx.$queryRaw<
      { id: string; channel_id: string; facility: string; control_id: string }[]
    >`
      SELECT "id"::text AS "id", "channel_id"::text AS "channel_id", "sending_facility" AS "facility",
        "control_id"
      FROM "messages"
      WHERE ("channel_id", "sending_facility", "control_id") IN (${Prisma.join(keys)})`;
    for (const f of found) firsts.set(keyOf(f.channel_id, f.facility, f.control_id), f.id);
  }
  return rows.map((m) => {
    if (landed.has(m.id)) return { id: m.id, duplicate: false };
    const first = firsts.get(keyOf(m.channelId, m.sendingFacility ?? null, m.controlId ?? null));
    if (!first) throw new Error('A message conflicted on its control id but cannot be found');
    return { id: first, duplicate: true };
  });
}

function isForeignKeyViolation(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2010' &&
    (error.meta?.code === '23503' || /\b23503\b/.test(error.message))
  );
}

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`).toString('base64url');
}

/** undefined when the cursor is not one this list made. */
function decodeCursor(cursor: string): { receivedAt: Date; id: string } | undefined {
  const [time, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(time ?? '');
  if (rest.length > 0 || !id || !isUuid(id) || Number.isNaN(receivedAt.getTime())) return undefined;
  return { receivedAt, id };
}
