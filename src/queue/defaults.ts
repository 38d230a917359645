// Queue defaults, in a module of their own so the CLI can show them in --help without loading BullMQ.

/** The queue used when none is named. */
export const DEFAULT_QUEUE = 'protokoll';

/** Every protokoll key in Redis starts with this, so a shared Redis shows at once what belongs to protokoll. */
export const KEY_PREFIX = 'protokoll';

/** How long a job stays claimed without a sign of life from its worker before another worker takes it over. */
export const DEFAULT_LOCK_MS = 30_000;
