declare module "govuk-frontend" {
  export function initAll(options?: Record<string, unknown>): void;
}
