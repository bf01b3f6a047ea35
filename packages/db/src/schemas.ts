import { z } from 'zod';

export const uuidSchema = z.uuid();
export const messageFormatSchema = z.enum(['hl7v2', 'csv', 'json']);
export type MessageFormat = z.infer<typeof messageFormatSchema>;

/** Lower-case words joined by hyphens: usable in URLs and file names. */
export const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');

export const nameSchema = z.string().trim().min(1).max(200);
export const authorSchema = z.string().trim().min(1).max(200);

/** Rows whose id is not a UUID cannot exist: answer "absent" without asking the database. */
export const isUuid = (value: string): boolean => uuidSchema.safeParse(value).success;
