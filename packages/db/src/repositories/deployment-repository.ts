import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { fail, guardWrite, ok, parseInput, type DbResult } from '../result';
import { authorSchema, isUuid, uuidSchema } from '../schemas';

export const deploymentKindSchema = z.enum(['deploy', 'rollback']);
export type DeploymentKind = z.infer<typeof deploymentKindSchema>;

export const recordDeploymentInputSchema = z.object({
  channelId: uuidSchema,
  versionId: uuidSchema,
  kind: deploymentKindSchema,
  /** E-mail of the operator. */
  actor: authorSchema,
  note: z.string().trim().max(10_000).nullish(),
});
export type RecordDeploymentInput = z.input<typeof recordDeploymentInputSchema>;

export interface DeploymentRecord {
  id: string;
  channelId: string;
  versionId: string;
  /** The version's number within its mapping. */
  versionNumber: number;
  kind: DeploymentKind;
  actor: string;
  note: string | null;
  createdAt: Date;
}

export interface DeploymentRepository {
  /**
   * Appends a deployment; it is live from then on. Written under a per-channel lock: with
   * `expectedLiveVersionId` (null: nothing deployed yet) the write is refused as a stale `conflict` when
   * another deployment landed since the caller read the history, so two racing deploys cannot both
   * decide against the same live version.
   */
  record(
    input: RecordDeploymentInput,
    options?: { expectedLiveVersionId?: string | null },
  ): Promise<DbResult<DeploymentRecord>>;
  /** The channel's deployments, newest first. */
  history(channelId: string, options?: { limit?: number }): Promise<DeploymentRecord[]>;
  /** The newest deployment of each channel asked for that has one: its version is the live one. */
  live(channelIds: readonly string[]): Promise<Map<string, DeploymentRecord>>;
}

const deploymentSelect = {
  id: true,
  channelId: true,
  versionId: true,
  kind: true,
  actor: true,
  note: true,
  createdAt: true,
  version: { select: { number: true } },
} satisfies Prisma.DeploymentSelect;

type Row = Prisma.DeploymentGetPayload<{ select: typeof deploymentSelect }>;

const toRecord = ({ version, ...row }: Row): DeploymentRecord => ({ ...row, versionNumber: version.number });

type Outcome = { row: Row } | { missing: 'channel' | 'version' } | { liveVersionId: string | null };

export function createDeploymentRepository(prisma: PrismaClient): DeploymentRepository {
  return {
    async record(input, options = {}) {
      const parsed = parseInput(recordDeploymentInputSchema, input, 'deployment');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      const at = { entity: 'deployment', id: data.channelId };
      const written = await guardWrite(
        at,
        { conflict: 'Duplicate deployment', invalidReference: 'The channel or the version does not exist' },
        () =>
          prisma.$transaction(async (tx): Promise<Outcome> => {
            // `SELECT 1 FROM`: Prisma cannot read the void the lock function returns.
            await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`mapwright.deploy:${data.channelId}`}))`;
            const channel = await tx.channel.findUnique({
              where: { id: data.channelId },
              select: { id: true },
            });
            if (!channel) return { missing: 'channel' };
            const version = await tx.mappingVersion.findUnique({
              where: { id: data.versionId },
              select: { id: true },
            });
            if (!version) return { missing: 'version' };
            if (options.expectedLiveVersionId !== undefined) {
              const newest = await tx.deployment.findFirst({
                where: { channelId: data.channelId },
                orderBy: { sequence: 'desc' },
                select: { versionId: true },
              });
              const liveVersionId = newest?.versionId ?? null;
              if (liveVersionId !== options.expectedLiveVersionId) return { liveVersionId };
            }
            const row = await tx.deployment.create({
              data: {
                channelId: data.channelId,
                versionId: data.versionId,
                kind: data.kind,
                actor: data.actor,
                note: data.note ?? null,
              },
              select: deploymentSelect,
            });
            return { row };
          }),
      );
      if (!written.ok) return written;
      const outcome = written.value;
      if ('row' in outcome) return ok(toRecord(outcome.row));
      if ('missing' in outcome)
        return fail({
          code: 'not_found',
          message: outcome.missing === 'channel' ? 'No such channel' : 'No such version',
          at: { ...at, fields: [outcome.missing === 'channel' ? 'channelId' : 'versionId'] },
        });
      return fail({
        code: 'conflict',
        message: 'Another deployment of this channel happened meanwhile; reload its history.',
        at: { ...at, fields: ['versionId'] },
        stale: true,
      });
    },

    async history(channelId, options = {}) {
      if (!isUuid(channelId)) return [];
      const limit = z.int().min(1).max(1000).default(200).parse(options.limit);
      const rows = await prisma.deployment.findMany({
        where: { channelId },
        orderBy: { sequence: 'desc' },
        take: limit,
        select: deploymentSelect,
      });
      return rows.map(toRecord);
    },

    async live(channelIds) {
      const ids = [...new Set(channelIds.filter(isUuid))];
      if (ids.length === 0) return new Map();
      // A channel's history is short (one row per deploy), so reading it whole to keep the newest is cheap.
      const rows = await prisma.deployment.findMany({
        where: { channelId: { in: ids } },
        distinct: ['channelId'],
        orderBy: [{ channelId: 'asc' }, { sequence: 'desc' }],
        select: deploymentSelect,
      });
      return new Map(rows.map((row) => [row.channelId, toRecord(row)]));
    },
  };
}
