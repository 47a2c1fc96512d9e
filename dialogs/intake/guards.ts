/** Type guards for values read back from persisted JSON. */
import type { City } from '../../bot/domain/forms';

/** True for a validated city value. */
export function isCity(value: unknown): value is City {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  return (value.kind === 'named' && 'id' in value) || (value.kind === 'other' && 'name' in value);
}

/** True for a plain object (a card's data, persisted state). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
