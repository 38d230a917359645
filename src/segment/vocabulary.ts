// The vocabulary of Swedish minutes in one place: labels of groups, roles, header fields, agenda and item sections.
import type { AttendeeGroup } from '../schema/minutes.js';
import { keySet, labelKey } from './text.js';

export interface GroupLabel { group: AttendeeGroup; role?: string }

const GROUPS: ReadonlyArray<[string[], GroupLabel]> = [
  [['Beslutande', 'Ledamöter', 'Beslutande ledamöter', 'Närvarande ledamöter', 'Tjänstgörande ledamöter', 'Ordinarie ledamöter',
    'Närvarande beslutande', 'Beslutande ledamot', 'Ledamot'], { group: 'beslutande' }],
  [['Tjänstgörande ersättare', 'Tjänstgörande ersättare för'], { group: 'beslutande', role: 'tjänstgörande ersättare' }],
  [['Ersättare', 'Ej tjänstgörande ersättare', 'Ej beslutande', 'Ej tjänstgörande', 'Icke beslutande', 'Närvarande ej beslutande', 'Närvarande ersättare', 'Icke tjänstgörande ersättare', 'Övriga ersättare',
    'Ersättare närvarande', 'Suppleanter', 'Närvarande suppleanter', 'Suppleant', 'Närvarande suppleant'], { group: 'ersättare' }],
  [['Övriga deltagare', 'Övriga närvarande', 'Tjänstepersoner', 'Tjänstemän', 'Övriga', 'Tjänstepersoner/ övriga', 'Tjänstepersoner/övriga',
    'Närvarande tjänstepersoner', 'Närvarande tjänstemän', 'Övriga deltagande', 'Adjungerade', 'Adjungerande', 'Adjungerad', 'Adjungerat', 'Gäster', 'Gäst', 'Inbjudna', 'Inbjuden', 'Inbjudna gäster',
    'Övriga medverkande', 'Medverkande', 'Föredragande', 'Närvarande övriga', 'Tjänstepersoner närvarande', 'Sakkunniga',
    'Dessutom närvarande', 'Vidare närvarande'], { group: 'övriga' }],
  [['Närvarande', 'Deltagare', 'Deltagande', 'Närvaro', 'Närvarande deltagare', 'Närvarande ombud', 'Ombud', 'Närvarande representanter',
    'Representanter', 'Närvarande medlemmar', 'Medlemmar', 'Närvarande röstberättigade', 'Röstberättigade', 'Röstberättigade medlemmar',
    'Närvarande medlemmar enligt röstlängd', 'Röstlängd', 'Närvarolista'], { group: 'närvarande' }],
  [['Frånvarande', 'Ej närvarande', 'Anmält förhinder', 'Förhinder', 'Anmält frånvaro', 'Anmäld frånvaro', 'Frånvarande ledamöter',
    'Ej deltagande', 'Frånvaro', 'Ej närvarande ledamöter'], { group: 'frånvarande' }],
];

const GROUP_BY_KEY = new Map<string, GroupLabel>();
for (const [labels, meaning] of GROUPS) for (const l of labels) GROUP_BY_KEY.set(labelKey(l), meaning);

/** First words of group and role labels, to rule out most lines before trying label prefixes. */
export const LABEL_FIRST_WORDS = new Set([...GROUPS.flatMap(([l]) => l), 'Utses', 'Justerare', 'Justerande', 'Justeras', 'Protokolljusterare', 'Justeringsmän', 'Justeringsman', 'Justeringsperson', 'Justeringspersoner', 'Dessutom', 'Vidare', 'Valda', 'Att', 'Sekreterare', 'Protokollförare', 'Ordförande', 'Mötesordförande']
  .map((l) => labelKey(l.split(/[\s/]/)[0]!)));

export function groupLabel(text: string): GroupLabel | null {
  return GROUP_BY_KEY.get(labelKey(text)) ?? compoundGroup(text);
}

/** "Närvarande styrelseledamöter", "Direktionsledamöter", "Styrelsesuppleanter": a kind of member, as a compound. */
function compoundGroup(text: string): GroupLabel | null {
  const t = text.trim().replace(/:$/, '').toLowerCase();
  if (t.length > 40) return null;
  if (/^(?:närvarande\s+|ordinarie\s+|tjänstgörande\s+)?\p{L}{3,}(?:ledamöter|ledamot)$/u.test(t)) return { group: 'beslutande' };
  if (/^(?:närvarande\s+)?\p{L}{3,}(?:suppleant(?:er)?|ersättare)$/u.test(t)) return { group: 'ersättare' };
  return null;
}

/** Headings that name people for a role rather than a group. */
const ROLE_HEADINGS: ReadonlyArray<[string[], string]> = [
  [['Utses att justera', 'Justerare', 'Justerande', 'Justeras av', 'Protokolljusterare', 'Valda justerare', 'Att justera', 'Justeringsmän',
    'Justeringsman', 'Justeringsperson', 'Justeringspersoner'], 'justerare'],
  [['Sekreterare', 'Protokollförare'], 'sekreterare'],
  [['Ordförande', 'Mötesordförande'], 'ordförande'],
];
const ROLE_BY_KEY = new Map<string, string>();
for (const [labels, role] of ROLE_HEADINGS) for (const l of labels) ROLE_BY_KEY.set(labelKey(l), role);

export function roleHeading(text: string): string | null {
  return ROLE_BY_KEY.get(labelKey(text)) ?? null;
}

/** Roles a person can hold in a meeting, as written after a name. */
const ROLE_WORDS = /^(?:(?:1:e |2:e |förste |andre |tf\.? )?vice ordförande|ordförande|mötesordförande|ålderspresident|sekreterare|protokollförare|justerare|justerande|tjänstgörande ersättare|ersättare|ledamot|adjungerad|föredragande)$/i;

export function roleWord(text: string): string | null {
  const t = text.trim().replace(/^\(|\)$/g, '').trim();
  if (!ROLE_WORDS.test(t)) return null;
  const lower = t.toLowerCase();
  return lower === 'justerande' ? 'justerare' : lower === 'protokollförare' ? 'sekreterare' : lower;
}

/** Labels of header fields and other front-matter sections; they end attendee and agenda blocks. */
export const SECTION_LABELS = keySet([
  'Tid och plats', 'Plats och tid', 'Datum', 'Tid', 'Plats', 'Sammanträdesdatum', 'Mötesdatum', 'Lokal', 'Paragrafer', 'Paragraf',
  'Justering', 'Justeringens plats och tid', 'Justeringens tid och plats', 'Underskrifter', 'Anslag', 'Anslag/bevis', 'Bevis',
  'Protokollet förvaras', 'Förvaringsplats för protokollet', 'Datum för anslags uppsättande', 'Datum för anslags nedtagande',
  'Organ', 'Sammanträde', 'Dagordning', 'Agenda', 'Föredragningslista', 'Ärendelista', 'Innehåll', 'Innehållsförteckning',
  'Ärenden', 'Övriga frågor', 'Utses att justera', 'Justerare', 'Sekreterare', 'Ordförande', 'Mötet',
]);

export const AGENDA_LABELS = keySet(['Dagordning', 'Agenda', 'Föredragningslista', 'Ärendelista', 'Ärendeförteckning', 'Innehåll', 'Innehållsförteckning', 'Ärenden', 'Program']);

/** Sub-headings inside an item that introduce its decision. */
const DECISION_HEADINGS = keySet([
  'Beslut', 'Beslutet', 'Förslag till beslut', 'Beslutsförslag', 'Förslag till beslut', 'Mötets beslut', 'Styrelsens beslut',
  'Nämndens beslut', 'Utskottets beslut', 'Kommunstyrelsens beslut', 'Kommunfullmäktiges beslut', 'Arbetsutskottets beslut',
  'Arbetsutskottets förslag', 'Kommunstyrelsens förslag', 'Utskottets förslag', 'Beslutade', 'Beslutades', 'Beslut i korthet',
  'Förbundsstyrelsens beslut', 'Direktionens beslut', 'Rådets beslut',
]);

const BODY_DECISION = /^(?:[\p{L}-]+\s+och\s+)?[\p{L}-]*(?:styrelsens|nämndens|fullmäktiges|utskottets|direktionens|rådets|beredningens|presidiets|mötets|gruppens|kommitténs|förbundets|ledningens|församlingens)\s+(?:beslut(?:\s+för\s+egen\s+del)?|förslag(?:\s+till\s+beslut)?)$/iu;

/** "Beslut", "Mötet beslutar", "Styrelsen beslutar att", "Kommunfullmäktige beslutar:" … */
export function isDecisionHeading(text: string): boolean {
  const t = text.trim();
  if (DECISION_HEADINGS.has(labelKey(t))) return true;
  // "Regionstyrelsens beslut", "Socialnämndens förslag till beslut": any body's decision or proposal.
  if (BODY_DECISION.test(t.replace(/:$/, ''))) return true;
  return /^(?:[\p{Lu}][\p{L}-]*\s+){0,3}[\p{L}-]*(?:beslutar|beslutade|beslöt|föreslås besluta|föreslår|besluta)(?:\s+(?:att|följande|enligt följande))?\s*:?$/iu.test(t)
    && t.split(/\s+/).length <= 6;
}

/** Sub-headings inside an item that end a decision block. */
export const BODY_SECTION_LABELS = keySet([
  'Sammanfattning', 'Sammanfattning av ärendet', 'Ärendebeskrivning', 'Bakgrund', 'Beskrivning av ärendet', 'Ärendet', 'Anteckningar',
  'Beslutsunderlag', 'Underlag', 'Yrkanden', 'Yrkande', 'Propositionsordning', 'Omröstning', 'Votering', 'Reservation', 'Reservationer',
  'Protokollsanteckning', 'Protokollsanteckningar', 'Skickas till', 'Expedieras till', 'Beslutet skickas till', 'Expediering',
  'Föredragande', 'Jäv', 'Information', 'Diskussion', 'Ur diskussionen', 'Handlingar', 'Bilagor', 'Bilaga', 'Särskilt yttrande',
  'Ekonomiska konsekvenser', 'Motivering', 'Bedömning', 'Förvaltningens bedömning', 'Ärendets beredning', 'Beredning',
  'Åtgärd', 'Åtgärder', 'Ansvarig', 'Uppföljning',
  'Beslutet ska skickas till', 'Beslutet expedieras till', 'Beslutet ska expedieras till', 'Expedieras', 'Protokollsutdrag till', 'Utdrag till',
  'Beslutsgång', 'Beslutsordning', 'Omröstningsresultat', 'Beslutsmotivering', 'Motivering till beslut', 'Skäl för beslutet', 'Överläggning',
  'Handläggning', 'Ärendets handläggning', 'Förslag till beslut på sammanträdet', 'Yrkanden på sammanträdet',
]);

export function isBodySectionLabel(text: string): boolean {
  const t = text.trim();
  const head = t.includes(':') ? t.slice(0, t.indexOf(':')) : t;
  return BODY_SECTION_LABELS.has(labelKey(head)) && (t.endsWith(':') || t === head || /:\s/.test(t));
}

/** Cue lines that follow an unnumbered item heading in notes-style minutes. */
export function isItemCue(text: string): boolean {
  const t = text.trim();
  return /^(?:anteckningar|sammanfattning|ärendebeskrivning|bakgrund|beskrivning av ärendet|föredragande)\s*(?::|$)/iu.test(t)
    || /^(?:s\*mm\*nf\*ttning|\*nt\*ckning\*r)/.test(labelKey(t));
}

/** Labels printed with a signer's name: under or over a signature line, or before the name on the front page. */
const SIGNATURE_LABELS = new Map<string, string>([
  ...['Ordförande', 'Mötesordförande', 'Stämmoordförande', 'Stämmans ordförande', 'Årsmötets ordförande', 'Ordförande för stämman', 'Ordförande för mötet']
    .map((l) => [labelKey(l), 'ordförande'] as const),
  ...['Justerare', 'Justerande', 'Justeras', 'Justeras av', 'Protokolljusterare', 'Protokollsjusterare']
    .map((l) => [labelKey(l), 'justerare'] as const),
  ...['Sekreterare', 'Vid protokollet', 'Antecknat av', 'Antecknad av', 'Protokollförare', 'Vid pennan', 'Vid anteckningarna', 'Antecknare',
    'Mötessekreterare', 'Minnesanteckningar förda av', 'Anteckningar förda av', 'Vid tangentbordet', 'Protokollet fört av', 'Protokollförd av']
    .map((l) => [labelKey(l), 'sekreterare'] as const),
]);

/** The role a signature label names; "Utses att justera" names a person to sign, not a signature. */
export function signatureRole(text: string): string | null {
  return SIGNATURE_LABELS.get(labelKey(text)) ?? null;
}

/** What a front-matter label announces. `justering` and `notice` (the ANSLAG/BEVIS block) hold dates that are not the meeting's. */
export type FieldKey = 'place-time' | 'date' | 'time' | 'place' | 'paragraphs' | 'organ' | 'storage' | 'justering' | 'notice';

const FIELD_LABELS: ReadonlyArray<[string[], FieldKey]> = [
  [['Tid och plats', 'Plats och tid', 'Plats och tid för sammanträde', 'Plats och tid för sammanträdet', 'Plats och tid för', 'Sammanträdets plats och tid',
    'Tid och lokal', 'Datum, tid och plats', 'Datum och tid', 'Datum och plats', 'Mötesplats och tid', 'Tid och plats för sammanträdet', 'Sammanträde'], 'place-time'],
  [['Datum', 'Sammanträdesdatum', 'Mötesdatum', 'Sammanträdesdag', 'Dag'], 'date'],
  [['Tid', 'Klockan', 'Tidpunkt', 'Mötestid', 'Sammanträdestid'], 'time'],
  [['Plats', 'Lokal', 'Mötesplats', 'Sammanträdesplats', 'Sammanträdeslokal'], 'place'],
  [['Paragrafer', 'Paragraf', 'Protokollet omfattar', 'Paragrafer i protokollet', 'Omfattar paragraferna'], 'paragraphs'],
  [['Organ', 'Beslutande organ', 'Instans', 'Nämnd'], 'organ'],
  [['Förvaringsplats för protokollet', 'Protokollets förvaringsplats', 'Förvaringsplats', 'Protokollet förvaras', 'Protokollet förvaras hos'], 'storage'],
  [['Justering', 'Justeringens plats och tid', 'Justeringens tid och plats', 'Justeringens plats och datum', 'Plats och tid för justering',
    'Justeringsdatum', 'Justeringsdag', 'Tid och plats för justering', 'Justeras'], 'justering'],
  [['Anslaget sätts upp', 'Anslaget tas ned', 'Datum då anslaget sätts upp', 'Datum då anslaget tas ned', 'Datum när anslaget sätts upp',
    'Datum när anslaget tas ned', 'Datum för anslags uppsättande', 'Datum för anslags nedtagande', 'Anslaget har justerats av', 'Underskrift'], 'notice'],
];
const FIELD_BY_KEY = new Map<string, FieldKey>();
for (const [labels, key] of FIELD_LABELS) for (const l of labels) FIELD_BY_KEY.set(labelKey(l), key);

/** The field a front-matter label names, or null. */
export function fieldLabel(text: string): FieldKey | null {
  return FIELD_BY_KEY.get(labelKey(text)) ?? null;
}
