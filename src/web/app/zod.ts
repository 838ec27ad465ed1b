import { z } from "zod";
import dutch from "zod/v4/locales/nl.js";

/**
 * The shared form schemas (src/domain) report in Dutch, as the API does. Every web module that validates with one of
 * them imports this module; the first load (start and check pages) has no forms that need zod, so it stays off it.
 */
z.config(dutch());
