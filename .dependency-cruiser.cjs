/**
 * The shape of src/ (see src/README.md), checked by `npm test`: no import cycles, and data flowing one
 * way. A folder may import only from the folders before it in STAGES (and from itself); bench/ and
 * eval/ are tools and may import anything, and nothing but they and the package entry imports them.
 * Type-only imports count too: a cycle through types is still a cycle for the reader.
 */
const STAGES = [
  'util',
  'types',
  'ingest',
  'text',
  'actors',
  'events',
  'score',
  'aggregate',
  'render',
  'output',
  'pipeline',
  'api',
  'cli',
];

const TOOLS = ['bench', 'eval'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...STAGES.map((stage, i) => ({
      name: `${stage}-imports-no-later-stage`,
      comment: `${stage}/ may import only ${STAGES.slice(0, i).join(', ') || 'node and packages'}.`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(?:(?:${[...STAGES.slice(i + 1), ...TOOLS].join('|')})/|index\\.ts$)` },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
