import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";

/**
 * Every refusal the domain raises on purpose, with the HTTP status it answers with. The list is closed so
 * that a route can rely on the status: specific codes exist only where a caller or a test tells them apart.
 */
export const ERROR_STATUS = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  INVALID_STATE: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INVALID_CREDENTIALS: 401,
  UNBALANCED: 400,
  INSUFFICIENT_FUNDS: 409,
  FULL: 409,
  POT_NOT_APPROVED: 409,
  ROLE_NOT_ALLOWED: 400,
  CLOSES_IN_PAST: 400,
  MIN_SCHOOLS_TOO_HIGH: 400,
  TOKEN_UNKNOWN: 404,
  TOKEN_USED: 410,
  TOKEN_EXPIRED: 410,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/** A refusal from the domain; the message (from the catalogue) is shown to the user. */
export class AppError extends Error {
  readonly status: (typeof ERROR_STATUS)[AppErrorCode];
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (message: string = t("refusal.notFound.page")) => new AppError("NOT_FOUND", message);

/**
 * The row `find` reads for an id that came with a request, or NOT_FOUND with this message. An id
 * that is not a UUID finds nothing without reaching PostgreSQL, which would reject it as a uuid.
 */
export async function findOrNotFound<T>(id: string, message: string, find: () => PromiseLike<T[]>): Promise<T> {
  const [row] = isUuid(id) ? await find() : [];
  if (!row) throw new AppError("NOT_FOUND", message);
  return row;
}
