// Mirrors etcd-io/raft interaction_test.go: every testdata/*.txt script is replayed and its
// output compared. RAFT_REWRITE=1 rewrites the scripts with the current output ("only commit the
// changes if you understand what caused them").
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript, renderScript, type TestCase } from './rafttest/datadriven';
import { handle } from './rafttest/handlers';
import { InteractionEnv } from './rafttest/interactionEnv';

const dir = join(import.meta.dirname, 'testdata');
const rewrite = process.env.RAFT_REWRITE === '1';

describe('raft interaction scripts (testdata/*.txt)', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, () => {
      const items = parseScript(readFileSync(join(dir, file), 'utf8'));
      const env = new InteractionEnv();
      const outputs = new Map<TestCase, string>();
      for (const item of items) {
        if ('comment' in item) continue;
        const output = handle(env, item);
        outputs.set(item, output);
        if (!rewrite) expect(output, `${file}:${item.line} ${item.input}`).toBe(item.expected);
      }
      if (rewrite) writeFileSync(join(dir, file), renderScript(items, outputs));
    });
  }
});
