/**
 * The layering Baton keeps, checked by dependency-cruiser (`npx depcruise --validate`, and
 * test/unit/infra/dependency-rules.test.ts on every test run). Each rule names a direction that
 * must not exist; the README's layout section says why each holds.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'shared/domain is the functional core: it imports zod, luxon and itself, nothing else (no Node built-ins, no Azure SDK, no shell).',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { pathNot: ['^shared/domain/', '(^|/)node_modules/(zod|luxon|@types/luxon)/'] },
    },
    {
      name: 'app-ignores-offline-stack',
      comment: 'The app (functions/, shared/) runs on Azure as it runs locally: it never reaches into the offline stack in infra/.',
      severity: 'error',
      from: { path: '^(functions|shared)/' },
      to: { path: '^infra/' },
    },
    {
      name: 'local-runtime-ignores-app',
      comment: 'The local Functions host and Durable emulator load any app as the Azure host would; they import nothing of Baton\'s own app.',
      severity: 'error',
      from: { path: '^infra/local/(durable|host)/' },
      to: { path: '^(functions|shared)/' },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle means neither side can be understood, tested or moved without the other: the shared piece belongs in a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.local)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
