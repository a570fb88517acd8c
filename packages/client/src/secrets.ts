/**
 * The credentials one client knows (the tokens it sends, its client secret), so that they can be
 * cut out, by value, of any text that reaches an error: a server or proxy may echo them anywhere.
 */
export class Secrets {
  readonly #values: string[] = [];

  /** Remembers `value` (the latest few: a renewed token replaces the oldest). */
  add(value: string): void {
    if (value === "" || this.#values.includes(value)) return;
    this.#values.push(value);
    if (this.#values.length > MAX_KEPT) this.#values.shift();
  }

  /** These values and `value` (a user's token given for one call), leaving this set as it is. */
  with(value: string): Secrets {
    const copy = new Secrets();
    // Past the usual limit, so that no token of the client is dropped for it.
    copy.#values.push(...this.#values, value);
    return copy;
  }

  /** `text` with every known value, its URL-encoded form and any `Bearer <credential>` replaced by `[redacted]`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.#values) {
      for (const form of new Set([value, encodeURIComponent(value)])) {
        // A short value (a test token such as "t") would shred ordinary words: only whole ones count.
        out = form.length >= WHOLE_WORD_BELOW ? out.split(form).join(REDACTED) : out.replace(wholeWord(form), REDACTED);
      }
    }
    return out.replace(/\bBearer\s+[\x21-\x7E]+/gi, `Bearer ${REDACTED}`);
  }
}

const REDACTED = "[redacted]";
/** A renewal every half `expires_in` keeps well under this many tokens alive at once. */
const MAX_KEPT = 8;
const WHOLE_WORD_BELOW = 8;
/** RFC 6750 b64token characters: what a credential is made of, so what cannot surround a whole one. */
const TOKEN_CHAR = "[A-Za-z0-9\\-._~+/=]";
const wholeWord = (value: string) =>
  new RegExp(`(?<!${TOKEN_CHAR})${value.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}(?!${TOKEN_CHAR})`, "g");
