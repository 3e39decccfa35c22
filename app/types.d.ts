declare module "govuk-frontend" {
  export function initAll(options?: Record<string, unknown>): void;
  export class ErrorSummary {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
}
