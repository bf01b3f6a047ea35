import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { fail, guardWrite, ok, parseInput, type DbResult } from '../result';
import {
  reviewActionKindSchema,
  reviewState,
  type ReviewActionKind,
  type ReviewState,
} from '../review-state';
import { authorSchema, isUuid, uuidSchema } from '../schemas';

export const recordReviewActionInputSchema = z.object({
  versionId: uuidSchema,
  kind: reviewActionKindSchema,
  /** E-mail of the user who acted. */
  actor: authorSchema,
  /** The submit description, the comment, or the decision note (may be empty for an approval). */
  body: z.string().max(10_000),
  /** The node a comment is anchored to. */
  nodeId: z.string().min(1).max(200).nullish(),
});
export type RecordReviewActionInput = z.input<typeof recordReviewActionInputSchema>;

export interface ReviewActionRecord {
  id: string;
  mappingId: string;
  versionId: string;
  kind: ReviewActionKind;
  actor: string;
  body: string;
  nodeId: string | null;
  createdAt: Date;
}

/** A submitted version as the review queue lists it. */
export interface ReviewQueueItem {
  versionId: string;
  mappingId: string;
  mappingSlug: string;
  mappingName: string;
  number: number;
  author: string;
  /** The latest submit of the version. */
  submittedBy: string;
  submittedAt: Date;
  description: string;
  state: ReviewState;
}

export interface ReviewActionRepository {
  /**
   * Appends an action to the version's review. With `allowedStates`, the version's state is read and the
   * action written in one transaction under a per-version lock, so two racing submits or decisions cannot
   * both land: the loser gets a `conflict` naming the state it met. With `lastDecisiveId` (the id of the
   * newest submit/approve/request_changes the caller decided on, null for none), the action is refused the
   * same way when another one was added since: a decision checked against one submit (who submitted it,
   * what the gate saw) never lands on a later one.
   */
  record(
    input: RecordReviewActionInput,
    options?: { allowedStates?: readonly ReviewState[]; lastDecisiveId?: string | null },
  ): Promise<DbResult<ReviewActionRecord>>;
  /** The version's actions in the order they happened. */
  listByVersion(versionId: string): Promise<ReviewActionRecord[]>;
  /** The review state of each version asked for ('none' for versions never submitted). */
  states(versionIds: readonly string[]): Promise<Map<string, ReviewState>>;
  /** Every submitted version with its latest submit: those in review first, then newest submit first. */
  queue(options?: { limit?: number }): Promise<ReviewQueueItem[]>;
}

const recordSelect = {
  id: true,
  mappingId: true,
  versionId: true,
  kind: true,
  actor: true,
  body: true,
  nodeId: true,
  createdAt: true,
} satisfies Prisma.ReviewActionSelect;

type Outcome = { row: ReviewActionRecord } | { missing: true } | { state: ReviewState };

const DECISIVE = { kind: { not: 'comment' } } satisfies Prisma.ReviewActionWhereInput;

export function createReviewActionRepository(prisma: PrismaClient): ReviewActionRepository {
  return {
    async record(input, options = {}) {
      const parsed = parseInput(recordReviewActionInputSchema, input, 'review action');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      const at = { entity: 'review action', id: data.versionId };
      const missing = `Version ${data.versionId} does not exist`;
      const written = await guardWrite(
        at,
        { conflict: 'Duplicate review action', invalidReference: missing },
        () =>
          prisma.$transaction(async (tx): Promise<Outcome> => {
            // `SELECT 1 FROM`: Prisma cannot read the void the lock function returns.
            await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`mapwright.review:${data.versionId}`}))`;
            const version = await tx.mappingVersion.findUnique({
              where: { id: data.versionId },
              select: { mappingId: true },
            });
            if (!version) return { missing: true };
            if (options.allowedStates || options.lastDecisiveId !== undefined) {
              const actions = await tx.reviewAction.findMany({
                where: { versionId: data.versionId, ...DECISIVE },
                orderBy: { sequence: 'asc' },
                select: { id: true, kind: true },
              });
              const state = reviewState(actions);
              if (options.allowedStates && !options.allowedStates.includes(state)) return { state };
              const lastId = actions.at(-1)?.id ?? null;
              if (options.lastDecisiveId !== undefined && options.lastDecisiveId !== lastId) return { state };
            }
            const row = await tx.reviewAction.create({
              data: {
                mappingId: version.mappingId,
                versionId: data.versionId,
                kind: data.kind,
                actor: data.actor,
                body: data.body,
                nodeId: data.nodeId ?? null,
              },
              select: recordSelect,
            });
            return { row };
          }),
      );
      if (!written.ok) return written;
      const outcome = written.value;
      if ('row' in outcome) return ok(outcome.row);
      if ('missing' in outcome) return fail({ code: 'not_found', message: missing, at });
      return fail({
        code: 'conflict',
        message: `The review of this version changed (it is ${outcome.state} now); reload it.`,
        at: { ...at, fields: ['state'] },
        stale: true,
      });
    },

    async listByVersion(versionId) {
      if (!isUuid(versionId)) return [];
      return prisma.reviewAction.findMany({
        where: { versionId },
        orderBy: { sequence: 'asc' },
        select: recordSelect,
      });
    },

    async states(versionIds) {
      const ids = [...new Set(versionIds.filter(isUuid))];
      const rows =
        ids.length === 0
          ? []
          : await prisma.reviewAction.findMany({
              where: { versionId: { in: ids }, ...DECISIVE },
              orderBy: { sequence: 'asc' },
              select: { versionId: true, kind: true },
            });
      const byVersion = groupBy(rows);
      return new Map(versionIds.map((id) => [id, reviewState(byVersion.get(id) ?? [])]));
    },

    async queue(options = {}) {
      const limit = z.int().min(1).max(1000).default(200).parse(options.limit);
      // Decisions and submits only: comments never change the state, and there are many more of them.
      const rows = await prisma.reviewAction.findMany({
        where: DECISIVE,
        orderBy: { sequence: 'asc' },
        select: recordSelect,
      });
      const byVersion = groupBy(rows);
      const submitted = [...byVersion.entries()].flatMap(([versionId, actions]) => {
        const submit = actions.findLast((a) => a.kind === 'submit');
        return submit ? [{ versionId, submit, state: reviewState(actions) }] : [];
      });
      submitted.sort(
        (a, b) =>
          Number(b.state === 'in-review') - Number(a.state === 'in-review') ||
          b.submit.createdAt.getTime() - a.submit.createdAt.getTime(),
      );
      const page = submitted.slice(0, limit);
      const versions = await prisma.mappingVersion.findMany({
        where: { id: { in: page.map((p) => p.versionId) } },
        select: {
          id: true,
          number: true,
          author: true,
          mapping: { select: { id: true, slug: true, name: true } },
        },
      });
      const byId = new Map(versions.map((v) => [v.id, v]));
      return page.flatMap(({ versionId, submit, state }) => {
        const version = byId.get(versionId);
        if (!version) return [];
        return [
          {
            versionId,
            mappingId: version.mapping.id,
            mappingSlug: version.mapping.slug,
            mappingName: version.mapping.name,
            number: version.number,
            author: version.author,
            submittedBy: submit.actor,
            submittedAt: submit.createdAt,
            description: submit.body,
            state,
          },
        ];
      });
    },
  };
}

function groupBy<T extends { versionId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.versionId);
    if (group) group.push(row);
    else groups.set(row.versionId, [row]);
  }
  return groups;
}
