// Group labels as bodies write them: plural and singular, compounds of a kind of member, with or without a colon.
import { describe, expect, it } from 'vitest';
import { groupLabel, isDecisionHeading, roleHeading } from '../../src/segment/vocabulary.js';

describe('group labels', () => {
  it.each([
    ['Beslutande', 'beslutande'],
    ['Närvarande styrelseledamöter', 'beslutande'],
    ['Närvarande suppleant', 'ersättare'],
    ['Suppleant:', 'ersättare'],
    ['Styrelsesuppleant', 'ersättare'],
    ['Styrelsesuppleanter', 'ersättare'],
    ['Gäst', 'övriga'],
    ['Inbjudna gäster', 'övriga'],
    ['Övriga närvarande', 'övriga'],
    ['Anmält förhinder', 'frånvarande'],
  ])('%s is %s', (label, group) => expect(groupLabel(label)?.group).toBe(group));

  it.each(['Gästföreläsning', 'Suppleantval 2025', 'Ida Marklund'])('%s is no label', (text) => expect(groupLabel(text)).toBeNull());

  it('names roles rather than groups', () => {
    expect(roleHeading('Utses att justera')).toBe('justerare');
    expect(roleHeading('Protokollförare')).toBe('sekreterare');
  });
});

describe('decision headings', () => {
  it.each(['Beslut', 'Valnämndens beslut', 'Valnämndens beslut för egen del', 'Socialnämndens förslag till beslut', 'Kommunfullmäktige beslutar:'])(
    '%s heads a decision', (t) => expect(isDecisionHeading(t)).toBe(true));
  it.each(['Beslutsunderlag', 'Nämnden beslutade 2023-05-12 att ge förvaltningen i uppdrag att utreda frågan'])('%s does not', (t) => expect(isDecisionHeading(t)).toBe(false));
});
