import type { FastifyInstance } from "fastify";
import { registerSecurityHeaders } from "./headers.ts";
import { registerOriginCheck } from "./origin.ts";

/**
 * Security headers that fit the scheme served, and the Origin check of state-changing requests. Register on the root
 * instance before the routes (hooks apply to what is registered after them), after the error handler.
 */
export async function registerSecurity(app: FastifyInstance, options: { publicUrl: string | undefined }): Promise<void> {
  registerOriginCheck(app, options);
  registerSecurityHeaders(app);
}
