/** The emulator's time: real time, shifted or set through the control plane (mute and token expiry). */
export class Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  /** From now on, time runs on from `epochMs`. */
  set(epochMs: number): void {
    this.offset = epochMs - Date.now();
  }

  real(): void {
    this.offset = 0;
  }
}
