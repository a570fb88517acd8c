/** Thrown before anything is sent when a call or the client's configuration is invalid. */
export class InvalidRequestError extends TypeError {
  override readonly name = "InvalidRequestError";
  /** The option or parameter at fault, e.g. `path.username` or `config.host`. */
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.field = field;
  }
}
