// Expands a hunspell .aff/.dic pair (the dictionary-sv flavour: single-char flags, suffixes only)
// into every word form, tagged with the roles it may play in a compound.
//
// Why not nspell: it accepts nearly every spelling variant of a Swedish compound, so it cannot tell
// "for" from "för". We want the exact set of forms, plus which forms may start, continue or end a
// compound, so that the runtime can rebuild compounds itself with the same rules.

/** Role bits carried by each expanded form (also the terminal labels of the DAWG). */
export const ROLE = {
  WORD: 1, // a standalone word
  BEGIN: 2, // may start a compound (COMPOUNDBEGIN)
  MIDDLE: 4, // may sit inside a compound (COMPOUNDMIDDLE)
  END: 8, // may end a compound (COMPOUNDEND)
  PROPER: 16, // written with a capital in the dictionary (a name)
  RARE: 32, // NOSUGGEST: valid, but the dictionary will not propose it
};

export function parseAff(text) {
  const aff = { sfx: new Map(), flags: {} };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parts = lines[i].trim().split(/\s+/);
    const [kw] = parts;
    if (!kw || kw.startsWith('#')) continue;
    if (['COMPOUNDBEGIN', 'COMPOUNDMIDDLE', 'COMPOUNDEND', 'ONLYINCOMPOUND', 'COMPOUNDPERMITFLAG', 'NEEDAFFIX', 'FORBIDDENWORD', 'NOSUGGEST', 'FORCEUCASE'].includes(kw)) {
      aff.flags[kw] = parts[1];
    } else if (kw === 'SFX' || kw === 'PFX') {
      const flag = parts[1];
      if (parts.length === 4 && /^\d+$/.test(parts[3])) {
        if (kw === 'PFX') throw new Error('prefixes are not supported (dictionary-sv has none)');
        aff.sfx.set(flag, { cross: parts[2] === 'Y', rules: [] });
        continue;
      }
      const group = aff.sfx.get(flag);
      if (!group) continue;
      const strip = parts[2] === '0' ? '' : parts[2];
      const [addRaw, cont = ''] = (parts[3] ?? '').split('/');
      const add = addRaw === '0' ? '' : addRaw;
      const cond = parts[4] && parts[4] !== '.' ? new RegExp(`${parts[4]}$`, 'u') : null;
      group.rules.push({ strip, add, cont, cond });
    }
  }
  return aff;
}

/**
 * Calls emit(form, roles) for every form of every entry. A form may be emitted several times with
 * different roles; the caller ORs them together.
 */
export function expandDic(dicText, aff, emit) {
  const F = aff.flags;
  const lines = dicText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = (slash >= 0 ? line.slice(0, slash) : line).trim();
    const flags = slash >= 0 ? line.slice(slash + 1).trim() : '';
    if (!word || flags.includes(F.FORBIDDENWORD)) continue;
    const extra = (/^\p{Lu}/u.test(word) && word.length > 1 && !/^\p{Lu}+$/u.test(word) ? ROLE.PROPER : 0) | (flags.includes(F.NOSUGGEST) ? ROLE.RARE : 0);
    const stemOnlyCompound = flags.includes(F.ONLYINCOMPOUND);
    const stemRoles = (flags.includes(F.COMPOUNDBEGIN) ? ROLE.BEGIN : 0) | (flags.includes(F.COMPOUNDMIDDLE) ? ROLE.MIDDLE : 0) | (flags.includes(F.COMPOUNDEND) ? ROLE.END : 0);
    if (!flags.includes(F.NEEDAFFIX)) {
      emit(word, (stemOnlyCompound ? 0 : ROLE.WORD) | stemRoles | extra);
    }
    for (const fl of flags) {
      const group = aff.sfx.get(fl);
      if (!group) continue;
      for (const r of group.rules) {
        if (r.cond && !r.cond.test(word)) continue;
        if (r.strip && !word.endsWith(r.strip)) continue;
        const form = word.slice(0, word.length - r.strip.length) + r.add;
        if (!form) continue;
        const permit = r.cont.includes(F.COMPOUNDPERMITFLAG);
        const onlyCompound = stemOnlyCompound || r.cont.includes(F.ONLYINCOMPOUND);
        let roles = onlyCompound ? 0 : ROLE.WORD;
        // a suffixed form may end a compound when its stem may; it may start or continue one only
        // when the suffix permits it (COMPOUNDPERMITFLAG), as hunspell checks it
        if (stemRoles & ROLE.END) roles |= ROLE.END;
        if (r.cont.includes(F.COMPOUNDEND)) roles |= ROLE.END;
        if (permit) {
          if (r.cont.includes(F.COMPOUNDBEGIN) || stemRoles & ROLE.BEGIN) roles |= ROLE.BEGIN;
          if (r.cont.includes(F.COMPOUNDMIDDLE) || stemRoles & ROLE.MIDDLE) roles |= ROLE.MIDDLE;
        }
        if (roles) emit(form, roles | extra);
      }
    }
  }
}
