// Entry point of the in-host test bundle (out/integration/suite.js): the extension host loads it
// as extensionTestsPath and awaits run(); a rejection fails the run. Mocha is bundled in, and the
// test files arrive through the generated 'marathon-integration-tests' module, loaded here (not at
// bundle load) so that their describe/it calls land in this Mocha instance.
import Mocha from 'mocha';
import tests from 'marathon-integration-tests';

export function run(): Promise<void> {
  // MARATHON_IT_GREP narrows a run to matching tests while developing (never set in CI).
  const grep = process.env.MARATHON_IT_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const { EVENT_FILE_PRE_REQUIRE, EVENT_FILE_REQUIRE, EVENT_FILE_POST_REQUIRE } = Mocha.Suite.constants;
  for (const test of tests) {
    mocha.suite.emit(EVENT_FILE_PRE_REQUIRE, globalThis, test.file, mocha);
    const exported = test.load();
    mocha.suite.emit(EVENT_FILE_REQUIRE, exported, test.file, mocha);
    mocha.suite.emit(EVENT_FILE_POST_REQUIRE, globalThis, test.file, mocha);
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
