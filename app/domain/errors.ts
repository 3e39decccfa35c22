/** Errors the domain raises on purpose; the message is shown to the user. */
export const ERROR_STATUS = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  INVALID_STATE: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS | (string & {});

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly status: number = (ERROR_STATUS as Record<string, number>)[code] ?? 409,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Page") => new AppError("NOT_FOUND", `${what} not found`);
