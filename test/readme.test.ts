import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api/analyze.js';
import { scoreSentence } from '../src/score/scoreSentence.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { ROOT } from './helpers.js';

const README = join(ROOT, 'README.md');

/** The ```ts blocks of a Markdown file, with the line each starts on. */
function typescriptBlocks(markdown: string): Array<{ line: number; code: string }> {
  const blocks: Array<{ line: number; code: string }> = [];
  const pattern = /^```ts\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, match.index).split('\n').length + 1, code: match[1] as string });
  }
  return blocks;
}

/**
 * Type-check each block as a module of its own, with `trust-index` mapped to
 * src/index.ts, under the project's compiler options (unused names allowed:
 * an example may show a value without using it).
 */
function typeErrors(blocks: ReadonlyArray<{ line: number; code: string }>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json could not be read');
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    rootDir: ROOT,
    paths: { 'trust-index': [join(ROOT, 'src', 'index.ts')] },
  };
  const files = new Map(blocks.map((b) => [join(ROOT, `README.block-line-${b.line}.ts`), { ...b, text: `${b.code}\nexport {};\n` }]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const file = files.get(name);
    return file ? ts.createSourceFile(name, file.text, language) : getSourceFile.call(host, name, language, ...rest);
  };
  // The project's own files too, for the declarations in src/types-ext/ that nothing imports.
  const program = ts.createProgram([...config.fileNames, ...files.keys()], options, host);
  expect(program.getSourceFile(join(ROOT, 'src', 'index.ts')), 'trust-index resolves to src/index.ts').toBeDefined();
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file ? files.get(d.file.fileName) : undefined;
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const where = file ? `README.md:${file.line + at}` : (d.file?.fileName ?? 'README.md');
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** The rows of the Markdown table that follows `marker`, each a list of its cells. */
function tableAfter(markdown: string, marker: string): string[][] {
  const start = markdown.indexOf(marker);
  if (start < 0) throw new Error(`README.md: no ${marker}`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const table = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  return table.slice(2).map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('README.md', () => {
  const readme = readFileSync(README, 'utf8');

  it('says which demo episodes are significant changes exactly as a demo run finds them', async () => {
    const rows = tableAfter(readme, '<!-- episodes: test/readme.test.ts -->');
    expect(rows.length).toBeGreaterThan(10);
    const { index } = await analyze([DEMO_CORPUS]);
    const claimed = rows.map(([pair, month, episode, significant]) => `${pair} ${month} ${episode}: ${significant}`);
    const found = rows.map(([pair, month, episode]) => {
      const cell = index.find((c) => c.pair === pair && c.direction === 'both' && c.period === month);
      return `${pair} ${month} ${episode}: ${cell?.significant ? 'yes' : 'no'}`;
    });
    expect(found).toEqual(claimed);
    expect(rows.every(([pair, month]) => index.some((c) => c.pair === pair && c.period === month))).toBe(true);
  });

  it('shows the scores its example computes', () => {
    const s = scoreSentence('China and Pakistan restored ties.');
    expect(readme).toContain(`s.trust;                               // ${s.trust} (> 0: cooperation)`);
    expect(readme).toContain(`s.events.map((e) => \`\${e.pattern} [\${e.code}]\`); // ${JSON.stringify(s.events.map((e) => `${e.pattern} [${e.code}]`)).replace(/"/g, "'")}`);
    expect(readme).toContain(`s.pairs.map((p) => [p.pair, p.trust]); // ${JSON.stringify(s.pairs.map((p) => [p.pair, p.trust])).replace(/"/g, "'").replace(/,/g, ', ')}`);
    expect(readme).toContain("scoreSentence('China and Pakistan restored ties.')");
  });

  it('has TypeScript examples that type-check against the source', () => {
    const blocks = typescriptBlocks(readme);
    expect(blocks.length).toBeGreaterThan(0);
    expect(typeErrors(blocks)).toEqual([]);
  }, 60_000);
});
