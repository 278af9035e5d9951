// Writes flows/model/flow.schema.json from the zod schemas, so text editors can validate and
// complete flow files. With --check, fails when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { flowJsonSchema } from '../flows/index.ts';

const target = new URL('../flows/model/flow.schema.json', import.meta.url);
const fresh = `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (current !== fresh) {
    console.error('flows/model/flow.schema.json is out of date: run npm run schema');
    process.exit(1);
  }
  console.log('flows/model/flow.schema.json is current');
} else {
  writeFileSync(target, fresh);
  console.log('wrote flows/model/flow.schema.json');
}
