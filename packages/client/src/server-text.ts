/** Cuts known credentials out of server text (the client's own tokens and secret). */
export interface Redactor {
  redact(text: string): string;
}

/** Longest server text kept in an error field: a 2 MB error_description must not become a 2 MB message. */
export const MAX_TEXT = 1000;

/** Cuts `text` to `max` characters, marking the cut. */
export function capped(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Server text as an error may keep it: known credentials cut out by value (before the cap, so that
 * no half of one survives the cut), then capped. `undefined` for anything but a string.
 */
export function serverText(value: unknown, secrets: Redactor, max = MAX_TEXT): string | undefined {
  return typeof value === "string" ? capped(secrets.redact(value), max) : undefined;
}

/** A text (non-JSON) body, e.g. a proxy's HTML page: tags dropped, on one line, redacted and capped. */
export function excerpt(text: string, secrets: Redactor, max = 200): string | undefined {
  const flat = secrets.redact(text).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return flat === "" ? undefined : capped(flat, max);
}
