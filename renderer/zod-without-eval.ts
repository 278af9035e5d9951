// Imported first by main.tsx, before anything builds a zod schema. zod compiles object parsers
// with `new Function` when it may; the studio's Content-Security-Policy forbids eval, and zod's
// probe for it would be reported as a violation. Its interpreter gives the same results.
import { config } from 'zod';

config({ jitless: true });
