/**
 * Writes public/managed_schema.json from the zod policy schema (policies/schema.ts), formatted as Biome
 * wants it. Run after changing the schema: `npx tsx scripts/gen-managed-schema.ts`.
 * policies/managed-schema.test.ts fails until you do.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { managedSchemaText } from '../policies/managed-schema';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'public/managed_schema.json');
writeFileSync(out, managedSchemaText());
execFileSync(resolve(root, 'node_modules/.bin/biome'), ['format', '--write', out], { cwd: root, stdio: 'ignore' });
process.stdout.write(`wrote ${out}\n`);
