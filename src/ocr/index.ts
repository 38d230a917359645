// The OCR path's public surface for the CLI and library users: the shared pool, its options and progress.
export { OcrPool, terminateOnSignals, type OcrPoolOptions } from './pool.js';
export { OcrProgressLine, type OcrProgressOptions } from './progress.js';
export type { OcrMode, OcrProgress } from './documents.js';
export { LANGUAGES, parseLang } from './lang.js';
export { DEFAULT_PAGE_TIMEOUT_MS, LOW_CONFIDENCE } from './recognize.js';
export { MAX_IMAGE_PIXELS } from '../input/image.js';
