import type { Prisma, PrismaClient } from '../generated/prisma/client';
import {
  createChannelInputSchema,
  updateChannelInputSchema,
  type ChannelOrder,
  type CreateChannelInput,
  type UpdateChannelInput,
} from '../channel-schemas';
import { fail, guardWrite, parseInput, type DbError, type DbResult } from '../result';
import { isUuid } from '../schemas';

export interface ChannelRecord {
  id: string;
  name: string;
  path: string;
  mllpPort: number | null;
  mappingId: string;
  stages: string[];
  destination: string;
  orderBy: ChannelOrder;
  maxAttempts: number;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChannelRepository {
  /**
   * A taken name, path or MLLP port is a `conflict` naming which; an unknown mapping `invalid_reference`.
   * `ingestTokenHash` is the SHA-256 of the token HTTP senders present; the caller shows the token once.
   */
  create(input: CreateChannelInput, options?: { ingestTokenHash?: string }): Promise<DbResult<ChannelRecord>>;
  /** Replaces the channel's ingest token: the old one stops working at once. */
  setIngestTokenHash(id: string, ingestTokenHash: string): Promise<DbResult<ChannelRecord>>;
  /** The channel at an HTTP ingest path and the hash its senders' token must match (null: none set). */
  ingestCredentials(path: string): Promise<{ channel: ChannelRecord; ingestTokenHash: string | null } | null>;
  update(id: string, patch: UpdateChannelInput): Promise<DbResult<ChannelRecord>>;
  get(id: string): Promise<ChannelRecord | null>;
  getByPath(path: string): Promise<ChannelRecord | null>;
  /** Every channel, by name. */
  list(): Promise<ChannelRecord[]>;
}

const channelSelect = {
  id: true,
  name: true,
  path: true,
  mllpPort: true,
  mappingId: true,
  stages: true,
  destination: true,
  orderBy: true,
  maxAttempts: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ChannelSelect;

const MESSAGES = {
  conflict: 'A channel with this name, path or MLLP port already exists',
  invalidReference: 'The mapping does not exist',
  notFound: 'No such channel',
};

export function createChannelRepository(prisma: PrismaClient): ChannelRepository {
  return {
    async create(input, options = {}) {
      const parsed = parseInput(createChannelInputSchema, input, 'channel');
      if (!parsed.ok) return parsed;
      const at = { entity: 'channel' };
      const created = await guardWrite(at, MESSAGES, () =>
        prisma.channel.create({
          data: { ...parsed.value, ingestTokenHash: options.ingestTokenHash },
          select: channelSelect,
        }),
      );
      return created.ok ? created : fail(namedConflict(created.error));
    },

    async update(id, patch) {
      const at = { entity: 'channel', id };
      if (!isUuid(id)) return fail({ code: 'not_found', message: MESSAGES.notFound, at });
      const parsed = parseInput(updateChannelInputSchema, patch, 'channel');
      if (!parsed.ok) return parsed;
      const updated = await guardWrite(at, MESSAGES, () =>
        prisma.channel.update({ where: { id }, data: parsed.value, select: channelSelect }),
      );
      return updated.ok ? updated : fail(namedConflict(updated.error));
    },

    async setIngestTokenHash(id, ingestTokenHash) {
      const at = { entity: 'channel', id };
      if (!isUuid(id)) return fail({ code: 'not_found', message: MESSAGES.notFound, at });
      return guardWrite(at, MESSAGES, () =>
        prisma.channel.update({ where: { id }, data: { ingestTokenHash }, select: channelSelect }),
      );
    },

    async ingestCredentials(path) {
      const row = await prisma.channel.findUnique({
        where: { path },
        select: { ...channelSelect, ingestTokenHash: true },
      });
      if (!row) return null;
      const { ingestTokenHash, ...channel } = row;
      return { channel, ingestTokenHash };
    },

    async get(id) {
      if (!isUuid(id)) return null;
      return prisma.channel.findUnique({ where: { id }, select: channelSelect });
    },

    async getByPath(path) {
      return prisma.channel.findUnique({ where: { path }, select: channelSelect });
    },

    async list() {
      return prisma.channel.findMany({ orderBy: { name: 'asc' }, select: channelSelect });
    },
  };
}

const UNIQUE_FIELDS: Record<string, string> = { name: 'name', path: 'path', mllp_port: 'MLLP port' };

/** Names the taken field: PGlite reports columns, node-postgres the index name (channels_<column>_key). */
function namedConflict(error: DbError): DbError {
  if (error.code !== 'conflict') return error;
  const columns = [...(error.at.fields ?? []), error.at.constraint?.replace(/^channels_|_key$/g, '') ?? ''];
  const column = columns.map((c) => (c === 'mllpPort' ? 'mllp_port' : c)).find((c) => c in UNIQUE_FIELDS);
  if (!column) return error;
  return {
    ...error,
    message: `Another channel already uses this ${UNIQUE_FIELDS[column]}`,
    at: { ...error.at, fields: [column === 'mllp_port' ? 'mllpPort' : column] },
  };
}
