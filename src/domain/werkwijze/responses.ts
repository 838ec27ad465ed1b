import { werkwijzeSchema } from "./schema.ts";

/** `GET /api/werkwijze`: the guide as content/werkwijze.yaml defines it (validated at start-up). */
export const werkwijzeResponse = werkwijzeSchema;
