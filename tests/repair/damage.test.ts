import { describe, expect, it } from 'vitest';
import { estimateDamage } from '../../src/repair/damage.js';
import { fixture, repairText, strip } from './helpers.js';

describe('damage estimate', () => {
  it('ok: a text full of å/ä/ö has not lost them', () => {
    expect(estimateDamage({ intact: 200, damaged: 2, words: 1000 }).lossRate).toBeLessThan(0.05);
    expect(repairText(fixture('gr-kommunchefer-intact.txt')).damage).toBeLessThan(0.02);
  });
  it('ok: a stripped or scanned text is found damaged', () => {
    expect(estimateDamage({ intact: 0, damaged: 150, words: 700 }).lossRate).toBeGreaterThan(0.9);
    expect(repairText(strip(fixture('gr-kommunchefer-intact.txt'))).damage).toBeGreaterThan(0.1);
    expect(repairText(fixture('familjen-damaged.txt')).damage).toBeGreaterThan(0.1);
  });
  it('not ok: no evidence means no damage', () => {
    expect(estimateDamage({ intact: 0, damaged: 0, words: 0 }).share).toBe(0);
    expect(estimateDamage({ intact: 0, damaged: 0, words: 3 }).lossRate).toBeLessThan(0.5);
  });
});
