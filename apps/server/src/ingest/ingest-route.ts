import { timingSafeEqual } from 'node:crypto';
import { tokenHash } from '@mapwright/api';
import {
  channelPathSchema,
  type ChannelRecord,
  type ChannelRepository,
  type DeploymentRepository,
  type MessageContentType,
  type MessageRepository,
} from '@mapwright/db';
import type { Metrics } from '../observability/metrics';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { INGEST_MEDIA_TYPES, ingestContentType, splitBody } from './ingest-body';
import { messageInputs } from './ingest-store';

export const DEFAULT_INGEST_MAX_BYTES = 10 * 1024 * 1024;

export interface IngestOptions {
  channels: ChannelRepository;
  deployments: DeploymentRepository;
  messages: MessageRepository;
  /** Larger bodies are refused with 413 before they are stored. */
  maxBytes: number;
  /** One entry per request: ids, codes and counts only, never message content (PHI). */
  log?: (entry: IngestLogEntry) => void;
  /** Counts every message and refusal; never sees message content. */
  metrics?: Pick<Metrics, 'received' | 'storeTimer'>;
}

export interface IngestLogEntry {
  event: 'ingest';
  status: number;
  channelId?: string;
  /** Messages stored by this request, and retries recognised (not stored again). */
  stored?: number;
  duplicates?: number;
  /** The failed message kept for a body that could not be split, or why the request was refused. */
  failedId?: string;
  code?: string;
}

interface IngestLocals {
  channel: ChannelRecord;
  contentType: MessageContentType;
}

const UNAUTHORIZED = "Send the channel's ingest token as `Authorization: Bearer <token>`.";

function reply(res: Response, status: number, code: string, message: string, extra: object = {}) {
  res.status(status).json({ error: { code, message }, ...extra });
}

/**
 * `POST /ingest/<channel path>`: machines post HL7 v2, JSON, CSV or FHIR NDJSON with the channel's
 * ingest token. Every message is stored (one transaction per request) before the 202 answer; a body
 * that cannot be split is stored whole as a failed message and answered 400, so nothing is lost.
 */
export function ingestRouter({
  channels,
  deployments,
  messages,
  maxBytes,
  log = () => {},
  metrics,
}: IngestOptions): express.Router {
  const router = express.Router();
  const refuse = (res: Response, status: number, code: string, message: string, extra: object = {}) => {
    const channelId = (res.locals.channelId as string | undefined) ?? undefined;
    log({ event: 'ingest', status, code, ...(channelId && { channelId }) });
    // The path of an unknown channel is the sender's text: it is not a label, to bound the series.
    metrics?.received(channelId ?? 'unknown', 'http', 'refused');
    reply(res, status, code, message, extra);
  };

  // Everything about the sender is checked before the body is read, so strangers cannot make us buffer it.
  const admit: RequestHandler<{ path: string }> = async (req, res, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return refuse(res, 401, 'unauthorized', UNAUTHORIZED);
    const path = channelPathSchema.safeParse(req.params.path);
    const found = path.success ? await channels.ingestCredentials(path.data) : null;
    if (!found) return refuse(res, 404, 'no-such-channel', 'No channel listens on this path.');
    if (!found.ingestTokenHash || !sameHash(tokenHash(token), found.ingestTokenHash))
      return refuse(res, 401, 'unauthorized', UNAUTHORIZED);
    res.locals.channelId = found.channel.id;
    const contentType = ingestContentType(req.headers['content-type']);
    if (!contentType)
      return refuse(
        res,
        415,
        'unsupported-media-type',
        `Send one of these content types: ${Object.keys(INGEST_MEDIA_TYPES).join(', ')}.`,
      );
    const { channel } = found;
    if (!channel.enabled) return refuse(res, 409, 'channel-disabled', `Channel ${channel.name} is disabled.`);
    const live = await deployments.live([channel.id]);
    if (!live.has(channel.id))
      return refuse(res, 409, 'not-deployed', `Channel ${channel.name} has no deployed mapping version yet.`);
    res.locals.ingest = { channel, contentType } satisfies IngestLocals;
    next();
  };

  const store: RequestHandler = async (req: Request, res: Response) => {
    const { channel, contentType } = res.locals.ingest as IngestLocals;
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
    const split = splitBody(bytes, contentType);
    const base = { channelId: channel.id, transport: 'http', contentType } as const;
    const inputs = messageInputs(split, base);
    const stop = metrics?.storeTimer('http');
    if (!split.ok) {
      const stored = await messages.insertMany(inputs);
      if (!stored.ok)
        return refuse(res, 500, 'store-failed', 'The message could not be stored; send it again.');
      stop?.();
      metrics?.received(channel.id, 'http', 'failed');
      const failedId = stored.value[0]!.id;
      log({
        event: 'ingest',
        status: 400,
        channelId: channel.id,
        code: split.error.code,
        failedId,
        stored: 1,
      });
      return res.status(400).json({ error: split.error, id: failedId });
    }
    const stored = await messages.insertMany(inputs);
    if (!stored.ok)
      return refuse(res, 500, 'store-failed', 'The messages could not be stored; send them again.');
    stop?.();
    const duplicates = stored.value.filter((m) => m.duplicate).length;
    metrics?.received(channel.id, 'http', 'stored', stored.value.length - duplicates);
    metrics?.received(channel.id, 'http', 'duplicate', duplicates);
    log({
      event: 'ingest',
      status: 202,
      channelId: channel.id,
      stored: stored.value.length - duplicates,
      duplicates,
    });
    res.status(202).json({ messages: stored.value });
  };

  // Any media type: the content type was checked in `admit`, and senders vary in how they spell charsets.
  router.post('/ingest/:path', admit, express.raw({ type: () => true, limit: maxBytes }), store);

  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large')
      return refuse(
        res,
        413,
        'body-too-large',
        `The body is larger than this server's ingest limit of ${describeBytes(maxBytes)}; send fewer messages per request.`,
        { limitBytes: maxBytes },
      );
    if (typeof type === 'string' && (error as { status?: number }).status === 400)
      return refuse(res, 400, 'unreadable-body', 'The request body could not be read.');
    if (typeof type === 'string' && (error as { status?: number }).status === 415)
      return refuse(
        res,
        415,
        'unsupported-encoding',
        'The body uses a content encoding this server cannot read.',
      );
    if (res.headersSent) return next(error);
    // Typically the database is unreachable. The error may quote SQL parameters, so it is not logged or
    // shown; the sender got no 202 and sends again.
    refuse(res, 500, 'store-failed', 'The messages could not be stored; send them again.');
  };
  router.use('/ingest', bodyErrors);
  return router;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB (${bytes} bytes)` : `${bytes} bytes`;
}
