import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
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

describe('README.md', () => {
  it('has TypeScript examples that type-check against the source', () => {
    const blocks = typescriptBlocks(readFileSync(README, 'utf8'));
    expect(blocks.length).toBeGreaterThan(0);
    expect(typeErrors(blocks)).toEqual([]);
  }, 60_000);
});
