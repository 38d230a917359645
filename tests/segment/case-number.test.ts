import { describe, expect, it } from 'vitest';
import { caseNumberOf, findCaseNumber, withoutCaseNumber } from '../../src/segment/case-number.js';

describe('case numbers', () => {
  it('reads the shapes case-management systems print, with a keyword', () => {
    for (const [text, value] of [
      ['Dnr KS 2021/0345', 'KS 2021/0345'], ['Dnr. 2023:41', '2023:41'], ['DNR:MBN/2018.77', 'MBN/2018.77'], ['Diarienummer: SN 2022/19-2', 'SN 2022/19-2'],
      ['Dnr TN-2024-00311', 'TN-2024-00311'], ['dnr 2019.204 KFN', '2019.204 KFN'], ['Dnr KS KF/2025:88', 'KS KF/2025:88'], ['Diarienr 98/123', '98/123'],
    ] as const) expect(findCaseNumber(text)?.value, text).toBe(value);
  });
  it('reads a number without keyword when it fills its cell or ends the heading', () => {
    for (const [text, value] of [
      ['KFN 2023/88', 'KFN 2023/88'], ['BUN-2025-00012', 'BUN-2025-00012'], ['2024.113 BUN', '2024.113 BUN'], ['SBN 2024/17-3', 'SBN 2024/17-3'],
      ['Budget 2025 KS 2024/0123', 'KS 2024/0123'], ['MN KS/2019.12', 'MN KS/2019.12'],
    ] as const) expect(findCaseNumber(text)?.value, text).toBe(value);
  });
  it('is not fooled by dates, years, law references or amounts', () => {
    for (const text of ['Sammanträde 2024-05-28', 'Budget 2025', 'Vallagen (2005:837)', 'Kostnad 2 000 kr', '16 kap 6 f §', 'Planen 2026–2029', 'Bevakningsområden 2024-2025', 'Läsårstider 2024/2025', 'Verksamhetsplan 2023/24'])
      expect(findCaseNumber(text), text).toBeNull();
  });
  it('tells a cell that is only a case number', () => {
    expect(caseNumberOf('Dnr 2024:17')).toBe('2024:17');
    expect(caseNumberOf('KS KF/2026:6')).toBe('KS KF/2026:6');
    expect(caseNumberOf('Val av ordförande')).toBeNull();
    expect(caseNumberOf('2026-05-07')).toBeNull();
  });
  it('leaves the title when the number is removed', () => {
    const t = 'Markanvisning för Norra kajen, Dnr KS-2024-00512';
    expect(withoutCaseNumber(t, findCaseNumber(t)!)).toBe('Markanvisning för Norra kajen');
  });
});
