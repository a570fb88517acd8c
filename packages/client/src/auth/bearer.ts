/** Visible ASCII only: what a bearer token is made of, and what a header value can carry unaltered. */
const TOKEN = /^[\x21-\x7E]+$/;

/**
 * Whether `value` can be sent as `Authorization: Bearer <value>`. Checked before the header is set:
 * `Headers.set` would otherwise throw an error whose message quotes the token.
 */
export function isUsableToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}
