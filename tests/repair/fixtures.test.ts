// Regression figures on real minutes (copies in fixtures/repair): the OCR-damaged Familjen
// Helsingborg protocol against its hand-made gold, and an intact protocol, as is and stripped.
import { describe, expect, it } from 'vitest';
import { fixture, repairText, strip, tokens } from './helpers.js';

function score(damaged: string, gold: string, pred: string[]) {
  const d = damaged.split('\n'), g = gold.split('\n');
  let before = 0, after = 0, clean = 0, broken = 0, total = 0;
  g.forEach((gl, i) => {
    const gt = tokens(gl), dt = tokens(d[i]!), pt = tokens(pred[i]!);
    gt.forEach((w, j) => {
      total++;
      if (dt[j] !== w) before++;
      else { clean++; if (pt[j] !== w) broken++; }
      if (pt[j] !== w) after++;
    });
  });
  return { reduction: 1 - after / before, falseRate: broken / clean, accuracy: 1 - after / total };
}

describe('real minutes', () => {
  it('repairs the scanned Familjen Helsingborg protocol', () => {
    const damaged = fixture('familjen-damaged.txt');
    const r = repairText(damaged);
    const s = score(damaged, fixture('familjen-gold.txt'), r.lines);
    expect(s.reduction).toBeGreaterThanOrEqual(0.97);
    expect(s.falseRate).toBeLessThanOrEqual(0.005);
  });

  it('leaves an intact protocol (nearly) alone', () => {
    const intact = fixture('gr-kommunchefer-intact.txt');
    const r = repairText(intact);
    expect(r.changes.length).toBeLessThanOrEqual(2);
  });

  it('restores the same protocol stripped of å/ä/ö', () => {
    const intact = fixture('gr-kommunchefer-intact.txt');
    const stripped = strip(intact);
    const s = score(stripped, intact, repairText(stripped).lines);
    expect(s.accuracy).toBeGreaterThanOrEqual(0.985);
  });
});
