// Bench: seconds per MB for the text shapes that once grew faster than their size (one huge word, many § lines,
// a deeply indented list, long prose), each at two sizes: equal figures at both sizes mean linear time.
import { performance } from 'node:perf_hooks';
import { convert } from '../../dist/index.js';

const SHAPES = {
  'one word': (mb) => 'a'.repeat(mb * 1e6),
  '§ lines': (mb) => {
    const out = [];
    let size = 0;
    for (let i = 1; size < mb * 1e6; i++) { const l = `§ ${i}`; out.push(l); size += l.length + 1; }
    return out.join('\n') + '\n';
  },
  // The list's size grows with the square of its depth (each level indents two more spaces): depth ≈ √(size).
  'deep list': (mb) => {
    const out = [];
    let size = 0;
    for (let i = 0; size < mb * 1e6; i++) { const l = `${'  '.repeat(i)}- punkt\n`; out.push(l); size += l.length; }
    return out.join('');
  },
  prose: (mb) => {
    const words = 'och att det som en på är för med till av den har inte de om ett var men så vi kan från eller möte beslut kommun'.split(' ');
    const out = [];
    let size = 0;
    for (let i = 0; size < mb * 1e6; i++) { const w = words[(i * 7 + (i >> 3)) % words.length]; out.push(i % 12 === 11 ? `${w}\n` : w); size += w.length + 1; }
    return out.join(' ');
  },
};
const SIZES = [1, 4];
const TRIES = 3;

await convert(Buffer.from('PROTOKOLL\n§ 1 Öppnande\n'), { fileName: 'warm.txt' }); // lexicon and modules loaded once
console.log(`text shapes: seconds per MB, best of ${TRIES} (other load on the machine only ever adds time)`);
console.log(`  ${'shape'.padEnd(10)} ${SIZES.map((s) => `${s} MB`.padStart(9)).join(' ')}   growth`);
for (const [name, make] of Object.entries(SHAPES)) {
  const perMb = [];
  for (const mb of SIZES) {
    const text = Buffer.from(make(mb));
    let best = Infinity;
    for (let t = 0; t < TRIES; t++) {
      const t0 = performance.now();
      await convert(text, { fileName: `${name}.txt` });
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    perMb.push(best / (text.length / 1e6));
  }
  const growth = perMb[1] / perMb[0];
  console.log(`  ${name.padEnd(10)} ${perMb.map((s) => `${s.toFixed(2)} s`.padStart(9)).join(' ')}   ×${growth.toFixed(2)} per MB at ${SIZES[1] / SIZES[0]}× the size`);
}
