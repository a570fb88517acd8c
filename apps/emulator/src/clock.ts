/**
 * The emulator's time: real time, shifted, set or frozen through the control plane. It drives
 * mute and token expiry, timestamps and the rate-limit windows.
 */
export class Clock {
  private offset = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offset += ms;
  }

  /** From now on, time is `epochMs` (and runs on from there unless frozen). */
  set(epochMs: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = epochMs;
    else this.offset = epochMs - Date.now();
  }

  /** Stops time where it is, or lets it run on from there. */
  freeze(frozen: boolean): void {
    if (frozen && this.frozenAt === undefined) this.frozenAt = this.now();
    if (!frozen && this.frozenAt !== undefined) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = undefined;
    }
  }

  real(): void {
    this.offset = 0;
    this.frozenAt = undefined;
  }
}
