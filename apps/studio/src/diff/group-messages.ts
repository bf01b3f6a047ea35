import { normalizePath, type DiffGroup, type ElementDiff } from '@mapwright/engine';
import type { MessageDiff } from './comparison';

export interface GroupMessage {
  id: string;
  name: string;
  origin: MessageDiff['origin'];
  /** This message's differences that belong to the group (same kind, same path whatever the indices). */
  diffs: ElementDiff[];
}

/** The messages a group covers, in the group's order, each with the differences that put it there. */
export function groupMessages(group: DiffGroup, messages: readonly MessageDiff[]): GroupMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  return group.messages.flatMap((id) => {
    const message = byId.get(id);
    if (!message) return [];
    const diffs = message.diffs.filter((d) => d.kind === group.kind && normalizePath(d.path) === group.path);
    return [{ id, name: message.name, origin: message.origin, diffs }];
  });
}

/** A value in one line for a diff row: JSON, shortened; `—` for nothing. */
export function showValue(value: unknown, max = 80): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
