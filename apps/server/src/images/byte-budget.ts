/**
 * A number of bytes that downloads draw from as their data arrives. `take` throws the error of
 * `exceeded` instead of going over, so a download stops at the limit rather than after it.
 */
export class ByteBudget {
  private used = 0;
  private highest = 0;

  constructor(
    private readonly limit: () => number,
    private readonly exceeded: (limit: number) => Error,
  ) {}

  take(bytes: number): void {
    const limit = this.limit();
    if (this.used + bytes > limit) throw this.exceeded(limit);
    this.used += bytes;
    this.highest = Math.max(this.highest, this.used);
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  /** Bytes drawn and not given back. */
  get inUse(): number {
    return this.used;
  }

  /** The most ever drawn at once. */
  get peak(): number {
    return this.highest;
  }
}
