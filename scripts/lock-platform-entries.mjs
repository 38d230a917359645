// Restores package-lock.json entries for platform-specific optional packages (rollup, esbuild, @napi-rs/canvas …).
// npm 11 leaves them out when it writes the lock on a machine that does not install them, and `npm ci` then
// refuses the lock ("Missing: @rollup/rollup-android-arm-eabi@ from lock file"). Run after every `npm install`
// that changes the lock: `node scripts/lock-platform-entries.mjs`.
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let added = 0;
for (const [at, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // Nested installs resolve next to their parent first; a top-level entry serves everyone else.
    const nested = `${at ? `${at}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    lock.packages[top] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform entries restored`);
