/**
 * Remembers values by string key for as long as `scope` stays the same object (for
 * example the settings a value was computed with): a different scope starts afresh.
 * At most `maxEntries` values; when full it starts over, which is simpler than LRU
 * and enough for values that cost microseconds to recompute.
 */
export class ScopedMemo<Scope extends object, Value> {
  private scope: Scope | null = null;
  private readonly entries = new Map<string, Value>();

  constructor(private readonly maxEntries: number) {}

  get(scope: Scope, key: string): Value | undefined {
    return scope === this.scope ? this.entries.get(key) : undefined;
  }

  set(scope: Scope, key: string, value: Value): void {
    if (scope !== this.scope || this.entries.size >= this.maxEntries) {
      this.entries.clear();
      this.scope = scope;
    }
    if (this.maxEntries > 0) this.entries.set(key, value);
  }
}
