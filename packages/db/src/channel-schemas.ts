import { z } from 'zod';
import { nameSchema, uuidSchema } from './schemas';

/** A channel's URL segment under the HTTP ingest endpoint. */
export const channelPathSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'use lower-case letters, digits and hyphens, starting with a letter or digit',
  );

/** Non-privileged TCP ports only: the server never needs to run as root to listen. */
export const mllpPortSchema = z.int().min(1024).max(65535);

export const stageNameSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

export const channelOrderSchema = z.enum(['patient', 'channel', 'none']);
export type ChannelOrder = z.infer<typeof channelOrderSchema>;

export const DEFAULT_STAGES = ['map', 'validate', 'store'] as const;

const channelFields = {
  name: nameSchema,
  path: channelPathSchema,
  mllpPort: mllpPortSchema.nullish(),
  mappingId: uuidSchema,
  stages: z.array(stageNameSchema).min(1).max(20),
  destination: z.string().trim().min(1).max(200),
  orderBy: channelOrderSchema,
  maxAttempts: z.int().min(1).max(100),
  enabled: z.boolean(),
};

export const createChannelInputSchema = z.object({
  ...channelFields,
  stages: channelFields.stages.default([...DEFAULT_STAGES]),
  destination: channelFields.destination.default('fhir-store'),
  orderBy: channelFields.orderBy.default('patient'),
  maxAttempts: channelFields.maxAttempts.default(5),
  enabled: channelFields.enabled.default(true),
});
export type CreateChannelInput = z.input<typeof createChannelInputSchema>;

/** Every field but the id may change; absent fields stay as they are. */
export const updateChannelInputSchema = z.object(channelFields).partial();
export type UpdateChannelInput = z.input<typeof updateChannelInputSchema>;
