// Seeded mutations of input files for fuzzing: byte flips, cuts, repeats, splices and implausible numbers in PDF syntax.

/** A small, fast seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

/** Numbers that break size and count arithmetic. */
const NASTY = ['0', '-1', '999999999', '2147483648', '-1000000000', '1e38', '3.4e38', '65536', '100000', 'NaN', '0.0000001'];
/** PDF keys whose numbers size arrays, images, pages and streams. */
const PDF_KEYS = ['/Count', '/Length', '/Width', '/Height', '/BitsPerComponent', '/MediaBox', '/CropBox', '/Size', '/N', '/First', '/W', '/Index', '/Rotate', '/UserUnit', '/Columns', '/Predictor', '/Matrix', '/BBox'];

const MUTATORS = {
  /** A few bytes anywhere set to random values. */
  flip(bytes, r) {
    const out = Uint8Array.from(bytes);
    for (let k = 1 + r.int(16); k > 0; k--) out[r.int(out.length)] = r.int(256);
    return out;
  },
  /** The file cut short, as by an interrupted download or copy. */
  truncate(bytes, r) {
    return bytes.slice(0, r.int(bytes.length));
  },
  /** A range removed. */
  remove(bytes, r) {
    const at = r.int(bytes.length);
    const n = 1 + r.int(Math.min(4096, bytes.length - at));
    return concat(bytes.subarray(0, at), bytes.subarray(at + n));
  },
  /** A range repeated many times (loops, bombs, duplicated objects). */
  repeat(bytes, r) {
    const at = r.int(bytes.length);
    const piece = bytes.subarray(at, at + 1 + r.int(512));
    const copies = 2 + r.int(200);
    return concat(bytes.subarray(0, at), ...Array.from({ length: copies }, () => piece), bytes.subarray(at));
  },
  /** A range overwritten with noise. */
  noise(bytes, r) {
    const out = Uint8Array.from(bytes);
    const at = r.int(out.length);
    for (let i = at, end = Math.min(out.length, at + 1 + r.int(2048)); i < end; i++) out[i] = r.int(256);
    return out;
  },
  /** The numbers after a sizing key replaced by implausible ones (PDF only; other files get a flip). */
  numbers(bytes, r, format) {
    if (format !== 'pdf') return MUTATORS.flip(bytes, r);
    let text = Buffer.from(bytes).toString('latin1');
    for (let k = 1 + r.int(4); k > 0; k--) {
      const key = r.pick(PDF_KEYS);
      const hits = [...text.matchAll(new RegExp(`${key.replace('/', '\\/')}\\s*\\[?\\s*(-?[\\d.]+)`, 'g'))];
      if (!hits.length) continue;
      const hit = r.pick(hits);
      const at = hit.index + hit[0].length - hit[1].length;
      text = text.slice(0, at) + r.pick(NASTY) + text.slice(at + hit[1].length);
    }
    return Buffer.from(text, 'latin1');
  },
  /** The head of one file on the tail of another of the same kind. */
  splice(bytes, r, format, other) {
    return concat(bytes.subarray(0, r.int(bytes.length)), other.subarray(r.int(other.length)));
  },
};

export const MUTATION_NAMES = Object.keys(MUTATORS);

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/**
 * Case `index` of a run with `seed`: a source file picked from `sources` ({ name, format, bytes }), one to three
 * mutations applied. The same seed and index always give the same case.
 */
export function mutate(sources, seed, index) {
  const r = random(seed * 100_003 + index);
  const source = r.pick(sources);
  const kin = sources.filter((s) => s.format === source.format);
  let bytes = source.bytes;
  const applied = [];
  for (let k = 1 + r.int(3); k > 0 && bytes.length > 0; k--) {
    const name = r.pick(MUTATION_NAMES);
    bytes = MUTATORS[name](bytes, r, source.format, r.pick(kin).bytes);
    applied.push(name);
  }
  return { name: `${source.name}~${applied.join('+')}#${index}`, format: source.format, bytes };
}
