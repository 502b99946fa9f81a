/** The type tag every file carries, so a random JSON file is refused before anything else. */
export const FORMAT_NAME = 'common-ground';
/** Bumped whenever the file shape changes; older files are migrated up to it (migrations.ts). */
export const CURRENT_VERSION = 2;

/**
 * Limits against hostile or broken files, checked before any parsing or validation so that a huge
 * or absurdly nested file costs a bounded amount of time and stack.
 */
export const MAX_TEXT_MB = 20;
/** Measured in UTF-16 code units (string length): close enough to bytes and free to compute. */
export const MAX_TEXT_LENGTH = MAX_TEXT_MB * 1024 * 1024;
/** A valid file nests 4 levels deep (file → goals → goal → metric); 64 leaves room for extras. */
export const MAX_DEPTH = 64;
/** The most values a 20 MB text can hold ("0," per value); bounds objects handed in directly. */
export const MAX_VALUES = MAX_TEXT_LENGTH / 2;
