// The virtual module that test/integration/build.ts generates: one lazy loader per *.test.ts file.
declare module 'marathon-integration-tests' {
  const tests: ReadonlyArray<{ readonly file: string; readonly load: () => unknown }>;
  export default tests;
}
