import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api/analyze.js';
import { indexColumns } from '../src/output/indexTables.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { ROOT } from './helpers.js';

/**
 * CI executes the notebook with Debian's Jupyter and checks that its output holds the figure
 * (.ci/run); this test, which needs no Python, keeps it in step with the tables it reads.
 */
describe('examples/notebook.ipynb', () => {
  const notebook = JSON.parse(readFileSync(join(ROOT, 'examples', 'notebook.ipynb'), 'utf8')) as {
    cells: Array<{ cell_type: string; source: string | string[] }>;
  };
  const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => [c.source].flat().join('')).join('\n');

  it('draws inline, where an executed notebook keeps the figure', () => {
    expect(code).not.toMatch(/matplotlib\.use\(/);
    expect(code).toContain('%matplotlib inline');
    expect(code).toContain('plt.show()');
  });

  it('reads only columns the tables have', async () => {
    const { sentences } = await analyze([DEMO_CORPUS]);
    const columns = new Set([
      ...indexColumns(new Map()).map((c) => c.name),
      ...indexColumns(new Map(), 'directed').map((c) => c.name),
      ...Object.keys(sentences[0] ?? {}),
      ...Object.keys(sentences.find((s) => s.trustEvidence.length > 0)?.trustEvidence[0] ?? {}),
      'words', // made by the notebook itself
    ]);
    const used = [...code.matchAll(/\[\s*'([a-z_A-Z]+)'\s*\]/g), ...code.matchAll(/parse_dates=\['([a-z_]+)'\]/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !columns.has(name))).toEqual([]);
  });
});
