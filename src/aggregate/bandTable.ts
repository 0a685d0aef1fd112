/**
 * A hash table from 30-bit band keys to a document number, in two typed
 * arrays with open addressing: a duplicate index over a large archive holds
 * sixteen keys a document, and a Map of that size cost more in rehashing and
 * memory than the rest of the index.
 *
 * @example
 * const table = new BandTable();
 * table.set(12345, 7);
 * table.get(12345); // 7
 * table.get(54321); // -1
 */
export class BandTable {
  /** Key of each slot, −1 when empty (keys are 30-bit, never negative). */
  private keys = new Int32Array(1 << 12).fill(-1);
  private values = new Int32Array(1 << 12);
  private size = 0;

  private slot(key: number, keys: Int32Array): number {
    const mask = keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** The number stored under a key, −1 when there is none. */
  get(key: number): number {
    const slot = this.slot(key, this.keys);
    return this.keys[slot] === key ? (this.values[slot] as number) : -1;
  }

  /** Store a number under a key, replacing any before it. */
  set(key: number, value: number): void {
    // Linear probing stays short up to three quarters full.
    if (4 * (this.size + 1) > 3 * this.keys.length) this.grow();
    const slot = this.slot(key, this.keys);
    if (this.keys[slot] !== key) {
      this.keys[slot] = key;
      this.size += 1;
    }
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as number;
      if (key === -1) continue;
      const slot = this.slot(key, this.keys);
      this.keys[slot] = key;
      this.values[slot] = values[i] as number;
    }
  }
}
