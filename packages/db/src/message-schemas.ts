import { z } from 'zod';
import { jsonValueSchema } from './json';
import { uuidSchema } from './schemas';

export const messageTransportSchema = z.enum(['mllp', 'http']);
export type MessageTransport = z.infer<typeof messageTransportSchema>;

/** A source format a mapping reads, or FHIR resources as NDJSON. */
export const messageContentTypeSchema = z.enum(['hl7v2', 'csv', 'json', 'fhir-ndjson']);
export type MessageContentType = z.infer<typeof messageContentTypeSchema>;

export const messageStatusSchema = z.enum(['received', 'processing', 'processed', 'failed', 'dead']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const messageEventOutcomeSchema = z.enum(['ok', 'error', 'retry', 'dead']);
export type MessageEventOutcome = z.infer<typeof messageEventOutcomeSchema>;

export const insertMessageInputSchema = z.object({
  channelId: uuidSchema,
  transport: messageTransportSchema,
  contentType: messageContentTypeSchema,
  raw: z.string(),
  /** MSH-4; with controlId it recognises a sender's retry. */
  sendingFacility: z.string().max(500).nullish(),
  /** MSH-10. */
  controlId: z.string().max(500).nullish(),
  patientKey: z.string().max(500).nullish(),
  receivedAt: z.date().optional(),
  /** 'failed' keeps input that could not even be split into messages, with `lastError` saying where. */
  status: z.enum(['received', 'failed']).default('received'),
  /** A located error value; never the message text. */
  lastError: jsonValueSchema.nullish(),
});
export type InsertMessageInput = z.input<typeof insertMessageInputSchema>;

export const listMessagesOptionsSchema = z.object({
  channelId: uuidSchema.optional(),
  status: messageStatusSchema.optional(),
  /** Received at or after. */
  from: z.date().optional(),
  /** Received before. */
  to: z.date().optional(),
  limit: z.int().min(1).max(500).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListMessagesOptions = z.input<typeof listMessagesOptionsSchema>;

export const appendEventInputSchema = z.object({
  messageId: uuidSchema,
  stage: z.string().min(1).max(50),
  outcome: messageEventOutcomeSchema,
  startedAt: z.date(),
  durationMs: z.int().min(0),
  /** A located error value; never the message text. */
  error: jsonValueSchema.nullish(),
  attempt: z.int().min(1),
});
export type AppendEventInput = z.input<typeof appendEventInputSchema>;
