/** One measured pass of a function over a list of texts. */
export interface Throughput {
  name: string;
  seconds: number;
  items: number;
  megabytes: number;
}

export function bytesOf(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
}

/** Passes per measurement; the fastest counts, since a virtual machine's noise only ever slows a pass down. */
export const PASSES = 3;

export type Contender = [name: string, fn: (text: string) => number];

/**
 * Time each contender over every text, side by side: pass 1 of each, then
 * pass 2 of each, and so on, so that a slow spell of the machine hits them
 * all alike; each keeps its fastest pass. A warm-up over the first few
 * hundred texts lets the JIT compile first. The sum defeats dead-code
 * elimination.
 */
export function measureSideBySide(texts: readonly string[], contenders: readonly Contender[]): Throughput[] {
  let sink = 0;
  const best = contenders.map(() => Infinity);
  for (const [, fn] of contenders) for (const text of texts.slice(0, 500)) sink += fn(text);
  for (let pass = 0; pass < PASSES; pass += 1) {
    contenders.forEach(([, fn], i) => {
      const start = process.hrtime.bigint();
      for (const text of texts) sink += fn(text);
      best[i] = Math.min(best[i] as number, Number(process.hrtime.bigint() - start) / 1e9);
    });
  }
  if (Number.isNaN(sink)) process.stderr.write('');
  const megabytes = bytesOf(texts) / 1e6;
  return contenders.map(([name], i) => ({ name, seconds: best[i] as number, items: texts.length, megabytes }));
}

export function mbPerSecond(t: Throughput): number {
  return t.megabytes / t.seconds;
}

/** Rows of a throughput table with each row's ratio to a reference row. */
export function throughputTable(rows: readonly Throughput[], reference: Throughput, referenceLabel: string): string[] {
  const lines = [`scorer                          sentences/s       MB/s   × ${referenceLabel}`];
  for (const row of rows) {
    const ratio = mbPerSecond(row) / mbPerSecond(reference);
    lines.push(
      `${row.name.padEnd(30)} ${(row.items / row.seconds).toFixed(0).padStart(12)} ${mbPerSecond(row).toFixed(2).padStart(10)} ${ratio.toFixed(2).padStart(9)}`,
    );
  }
  return lines;
}
