// The output contract, schema version 1: zod is its single source of truth (types and JSON Schema derive from it).
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/**
 * A line's box on its page: left edge, top edge, width and height, in the unit of its page's `size` (PDF points
 * or image pixels), measured from the page's top-left corner with y growing downwards, as a viewer draws it.
 */
export const Box = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().min(0),
  height: z.number().min(0),
}).strict();

/**
 * Where an element starts in the input: 1-based page and line within that page, and the line's box where the input
 * has positions (PDF text layers and OCR'd pages; null for text inputs). `box` was added within schema v1, so
 * outputs written before it lack the field; every output written now has it.
 */
export const SourceRef = z.object({
  page: z.number().int().min(1),
  line: z.number().int().min(1),
  box: Box.nullable().optional(),
}).strict();

const text = z.string();
const nullableText = text.nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** A page's size, which boxes on it are measured in: PDF points (1/72 inch, after the page's crop and rotation) or image pixels. */
export const PageSize = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  unit: z.enum(['pt', 'px']),
}).strict();

/** How an OCR'd page was read, so an archive can tell which engine, version and language made its text. */
export const OcrInfo = z.object({
  engine: z.enum(['tesseract', 'tesseract.js']),
  version: z.string().min(1),
  lang: z.string().min(1),
}).strict();

export const PageInfo = z.object({
  number: z.number().int().min(1),
  text: z.enum(['layer', 'ocr', 'plain']),
  ocrConfidence: z.number().min(0).max(100).nullable(),
  /** Null for text inputs; added within schema v1 like SourceRef.box, so older outputs lack it. */
  size: PageSize.nullable().optional(),
  /** Present on pages read by OCR (`text: "ocr"`). */
  ocr: OcrInfo.optional(),
}).strict();

export const Source = z.object({
  file: text,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['pdf', 'image', 'text']),
  pages: z.array(PageInfo),
}).strict();

export const DocumentKind = z.enum(['protokoll', 'anteckningar', 'unknown']);

export const Header = z.object({
  kind: DocumentKind,
  title: nullableText,
  organization: nullableText,
  body: nullableText,
  orgNumber: nullableText,
  protocolNumber: nullableText,
  date: isoDate.nullable(),
  dateText: nullableText,
  endDate: isoDate.nullable(),
  startTime: clock.nullable(),
  endTime: clock.nullable(),
  location: nullableText,
  paragraphs: z.object({ from: z.number().int(), to: z.number().int() }).strict().nullable(),
}).strict();

export const AttendeeGroup = z.enum(['beslutande', 'ersättare', 'övriga', 'närvarande', 'frånvarande']);

export const Attendee = z.object({
  name: text.min(1),
  party: nullableText,
  organization: nullableText,
  title: nullableText,
  role: nullableText,
  group: AttendeeGroup.nullable(),
  replaces: nullableText,
  note: nullableText,
  source: SourceRef,
}).strict();

export const AgendaEntry = z.object({
  number: nullableText,
  title: text.min(1),
  page: z.number().int().nullable(),
  source: SourceRef,
}).strict();

export const Decision = z.object({ text: text.min(1), source: SourceRef }).strict();

export const Vote = z.object({
  yes: z.number().int().min(0).nullable(),
  no: z.number().int().min(0).nullable(),
  abstain: z.number().int().min(0).nullable(),
  outcome: nullableText,
  source: SourceRef,
}).strict();

export const Item = z.object({
  paragraph: z.number().int().nullable(),
  number: nullableText,
  title: text.min(1),
  kind: nullableText,
  caseNumber: nullableText,
  body: text,
  decisions: z.array(Decision),
  votes: z.array(Vote),
  reservations: z.array(text),
  source: SourceRef,
}).strict();

export const Signature = z.object({
  role: nullableText,
  name: text.min(1),
  date: isoDate.nullable(),
  method: z.enum(['handwritten', 'digital']).nullable(),
  source: SourceRef,
}).strict();

export const Warning = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: text,
  page: z.number().int().min(1).nullable(),
  line: z.number().int().min(1).nullable(),
}).strict();

export const Repair = z.object({
  page: z.number().int().min(1),
  line: z.number().int().min(1),
  from: text,
  to: text,
  rule: text,
  confidence: z.number().min(0).max(1),
}).strict();

export const Minutes = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  document: Header,
  attendees: z.array(Attendee),
  agenda: z.array(AgendaEntry),
  items: z.array(Item),
  signatures: z.array(Signature),
  warnings: z.array(Warning),
  repairs: z.array(Repair),
}).strict();

export type Box = z.infer<typeof Box>;
export type PageSize = z.infer<typeof PageSize>;
export type SourceRef = z.infer<typeof SourceRef>;
export type PageInfo = z.infer<typeof PageInfo>;
export type OcrInfo = z.infer<typeof OcrInfo>;
export type Source = z.infer<typeof Source>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type Header = z.infer<typeof Header>;
export type AttendeeGroup = z.infer<typeof AttendeeGroup>;
export type Attendee = z.infer<typeof Attendee>;
export type AgendaEntry = z.infer<typeof AgendaEntry>;
export type Decision = z.infer<typeof Decision>;
export type Vote = z.infer<typeof Vote>;
export type Item = z.infer<typeof Item>;
export type Signature = z.infer<typeof Signature>;
export type Warning = z.infer<typeof Warning>;
export type Repair = z.infer<typeof Repair>;
export type Minutes = z.infer<typeof Minutes>;
