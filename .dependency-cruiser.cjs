// The import graph of flows/ must have no cycle, type imports included (a loop through types
// still ties the areas together: neither side can be understood, moved or built alone).
// `npm test` runs it (test/layers.test.ts); by hand: npx depcruise flows --config .dependency-cruiser.cjs
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'flows/ is layered (model and nodes at the bottom, then engine, check, export): no file may reach itself.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Count `import type` and type-only names too: TypeScript erases them, the design does not.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
