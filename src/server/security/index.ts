import type { RequestStep } from "../request-steps.ts";
import { securityHeaders } from "./headers.ts";
import { originRefusal } from "./origin.ts";

/**
 * Security headers that fit the scheme served, then the Origin check of state-changing requests, as request steps
 * (registerRequestSteps): a refused request carries the headers too.
 */
export function securitySteps(options: { publicUrl: string | undefined }): RequestStep[] {
  return [securityHeaders(), originRefusal(options)];
}
