/** A GIAS extract of one authority is a few hundred kilobytes; the whole country's file about 60 MB. */
export const GIAS_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
