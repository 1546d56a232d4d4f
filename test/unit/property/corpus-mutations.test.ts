// Property: real documents, randomly damaged, still read without a throw into a valid plan.
import fc from 'fast-check';
import { readCorpus } from '../../../bench/corpus';
import { assertReadsCleanly } from './invariants';
import { applyMutations, mutations } from './mutations';

const RUNS_PER_FILE = 40;
const corpus = readCorpus();

describe('property: mutated corpus documents', function () {
  if (!corpus) {
    it('corpus files', function () {
      console.log('    corpus absent (../shared/corpus): mutated-corpus properties skipped');
      this.skip();
    });
    return;
  }
  for (const doc of corpus) {
    it(`${doc.name}: reads cleanly as is and after random edits (as markdown and as YAML)`, function () {
      assertReadsCleanly(doc.text, doc.name);
      assertReadsCleanly(doc.text, 'x.marathon.yaml');
      fc.assert(
        fc.property(mutations, (ms) => {
          const text = applyMutations(doc.text, ms);
          assertReadsCleanly(text, doc.name);
          assertReadsCleanly(text, 'x.marathon.yaml');
        }),
        { numRuns: RUNS_PER_FILE },
      );
    });
  }
});
