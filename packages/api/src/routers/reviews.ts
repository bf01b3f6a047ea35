import {
  reviewState,
  type MappingVersionRecord,
  type ReviewActionRecord,
  type ReviewState,
} from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context';
import { approvalGate } from '../review/approval-gate';
import { SUBMITTABLE_STATES } from '../review/submittable';
import { versionSummary } from '../review/version-summary';
import { ANY_ROLE, EDITOR_ROLES, REVIEW_PARTICIPANT_ROLES, REVIEWER_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

export const OWN_VERSION_APPROVAL = 'You cannot approve your own version: another reviewer must approve it.';
export const OWN_VERSION_DECISION =
  'You cannot request changes on your own version: another reviewer must decide on it.';

const Body = z.string().trim().max(10_000);
const VersionId = z.object({ versionId: z.uuid() });

const action = ({ id, kind, actor, body, nodeId, createdAt }: ReviewActionRecord) => ({
  id,
  kind,
  actor,
  body,
  nodeId,
  createdAt,
});

const STATE_WORDS: Record<ReviewState, string> = {
  none: 'not submitted for review',
  'in-review': 'already in review',
  approved: 'approved',
  'changes-requested': 'waiting for changes',
};

export const reviewsRouter = router({
  /** Versions submitted for review: those waiting first, then the most recently submitted. */
  queue: procedureFor(ANY_ROLE).query(async ({ ctx }) => ctx.reviews.queue()),

  /** One version's review: the version, what it is compared with, its actions, and whether the caller may approve. */
  get: procedureFor(ANY_ROLE)
    .input(VersionId)
    .query(async ({ ctx, input }) => {
      const { version, mapping, actions, state } = await loadReview(ctx, input.versionId);
      const reasons: string[] = [];
      if (!ctx.user.roles.some((r) => (REVIEWER_ROLES as readonly string[]).includes(r)))
        reasons.push('Only a reviewer or an administrator can approve.');
      if (isOwn(ctx.user.email, version, actions)) reasons.push(OWN_VERSION_APPROVAL);
      if (state !== 'in-review') reasons.push(`Version ${version.number} is ${STATE_WORDS[state]}.`);
      const gate = await approvalGate(ctx, version);
      if (gate.message) reasons.push(gate.message);
      return {
        version: { ...versionSummary(version), mappingSlug: mapping.slug, mappingName: mapping.name },
        base: await baseOf(ctx, version),
        state,
        actions: actions.map(action),
        canApprove: { ok: reasons.length === 0, reasons },
        gate: { tests: gate.tests, samples: gate.samples, fingerprint: gate.fingerprint },
      };
    }),

  /** Asks for a review of a version, with what it changes and why. */
  submit: procedureFor(EDITOR_ROLES)
    .input(VersionId.extend({ description: Body.min(1) }))
    .mutation(async ({ ctx, input }) => {
      const { version, state } = await loadReview(ctx, input.versionId);
      if (state === 'in-review' || state === 'approved')
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message:
            state === 'in-review'
              ? `Version ${version.number} is already in review.`
              : `Version ${version.number} is approved: start a draft from it and commit a new version to change it.`,
        });
      return record(ctx, version, 'submit', input.description, null, SUBMITTABLE_STATES);
    }),

  /** A remark on the version, optionally anchored to one of its nodes. */
  comment: procedureFor(REVIEW_PARTICIPANT_ROLES)
    .input(VersionId.extend({ body: Body.min(1), nodeId: z.string().min(1).max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      const { version } = await loadReview(ctx, input.versionId);
      if (input.nodeId !== undefined && !nodeIds(version).has(input.nodeId))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Node "${input.nodeId}" is not in version ${version.number}: a comment can only be anchored to one of its nodes.`,
        });
      return record(ctx, version, 'comment', input.body, input.nodeId ?? null);
    }),

  /** Approves a version in review: never one's own, and only when its tests pass and its samples validate. */
  approve: procedureFor(REVIEWER_ROLES)
    .input(
      VersionId.extend({
        note: Body.optional(),
        /** reviews.get's gate.fingerprint: the tests and samples the reviewer saw pass. */
        gateFingerprint: z.string().max(200).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { version, actions, state } = await loadReview(ctx, input.versionId);
      if (isOwn(ctx.user.email, version, actions))
        throw new TRPCError({ code: 'FORBIDDEN', message: OWN_VERSION_APPROVAL });
      if (state !== 'in-review') throw notInReview(version, state);
      const gate = await approvalGate(ctx, version);
      if (input.gateFingerprint !== gate.fingerprint)
        throw new TRPCError({
          code: 'CONFLICT',
          message:
            input.gateFingerprint === undefined
              ? 'Approve from the review: the request must carry the gate fingerprint reviews.get returned.'
              : 'The test cases or samples changed since you opened the review; reload it and check again.',
        });
      if (gate.message) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: gate.message });
      return record(ctx, version, 'approve', input.note ?? '', null, ['in-review'], lastDecisiveId(actions));
    }),

  /** Sends a version back to its author with what must change. */
  requestChanges: procedureFor(REVIEWER_ROLES)
    .input(VersionId.extend({ note: Body.min(1) }))
    .mutation(async ({ ctx, input }) => {
      const { version, actions, state } = await loadReview(ctx, input.versionId);
      if (isOwn(ctx.user.email, version, actions))
        throw new TRPCError({ code: 'FORBIDDEN', message: OWN_VERSION_DECISION });
      if (state !== 'in-review') throw notInReview(version, state);
      return record(
        ctx,
        version,
        'request_changes',
        input.note,
        null,
        ['in-review'],
        lastDecisiveId(actions),
      );
    }),
});

type SignedIn = Context & { user: NonNullable<Context['user']> };

async function loadReview(ctx: Context, versionId: string) {
  const version = await ctx.mappings.getVersion(versionId);
  if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version.' });
  const [mapping, actions] = await Promise.all([
    ctx.mappings.get(version.mappingId),
    ctx.reviews.listByVersion(versionId),
  ]);
  if (!mapping) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });
  return { version, mapping, actions, state: reviewState(actions) };
}

/** Whose work the version is: its author and whoever submitted it. Emails are stored lower-cased. */
function isOwn(email: string, version: MappingVersionRecord, actions: ReviewActionRecord[]): boolean {
  const me = email.toLowerCase();
  return (
    version.author.toLowerCase() === me ||
    actions.some((a) => a.kind === 'submit' && a.actor.toLowerCase() === me)
  );
}

function notInReview(version: MappingVersionRecord, state: ReviewState): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: `Version ${version.number} is ${STATE_WORDS[state]}: only a version in review can be decided on.`,
  });
}

function nodeIds(version: MappingVersionRecord): Set<string> {
  const nodes = (version.graph as { nodes?: unknown }).nodes;
  return new Set(
    Array.isArray(nodes)
      ? nodes.flatMap((n) =>
          typeof (n as { id?: unknown })?.id === 'string' ? [(n as { id: string }).id] : [],
        )
      : [],
  );
}

/** The version a review compares with: its parent, else the one numbered just before it. */
async function baseOf(ctx: Context, version: MappingVersionRecord) {
  const base = version.parentVersionId
    ? await ctx.mappings.getVersion(version.parentVersionId)
    : (await ctx.mappings.listVersions(version.mappingId)).find((v) => v.number === version.number - 1);
  return base ? versionSummary(base) : null;
}

/** The newest submit or decision: a decision is only written while it is still the newest. */
const lastDecisiveId = (actions: ReviewActionRecord[]): string | null =>
  actions.filter((a) => a.kind !== 'comment').at(-1)?.id ?? null;

async function record(
  ctx: SignedIn,
  version: MappingVersionRecord,
  kind: ReviewActionRecord['kind'],
  body: string,
  nodeId: string | null,
  allowedStates?: readonly ReviewState[],
  decidedOn?: string | null,
) {
  const written = await ctx.reviews.record(
    { versionId: version.id, kind, actor: ctx.user.email, body, nodeId },
    {
      ...(allowedStates ? { allowedStates } : {}),
      ...(decidedOn !== undefined ? { lastDecisiveId: decidedOn } : {}),
    },
  );
  return action(unwrap(written));
}
