/**
 * Text PostgreSQL cannot store: a NUL character (text and jsonb reject it) or a lone UTF-16 surrogate
 * (not encodable as UTF-8). An activity carrying either would fail its transcript line or, once the
 * text reaches dialog state, the whole turn — so they are cleaned at the door, keys and values alike.
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops NULs and replaces lone surrogates with U+FFFD. */
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '').replace(loneSurrogate, '\uFFFD');
}

/** Deep copy of a parsed JSON value with every string (and object key) made storable. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storableJson);
  const out: Record<string, unknown> = {};
  // defineProperty, so a `__proto__` key stays a plain key instead of replacing the copy's prototype.
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(out, storableText(key), { value: storableJson(item), enumerable: true, writable: true, configurable: true });
  return out;
}
