/**
 * The module graph's rules (DESIGN.md): no import cycles, type-only imports included. Checked by
 * `npm run deps` and by core/module-graph.test.ts.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle (type-only imports count) makes the layers core ← lab kit ← labs ← shell unreadable.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
