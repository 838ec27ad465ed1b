import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: string | undefined;

/**
 * The app's root directory: the nearest directory above this file that holds package.json. That is the repository
 * when the server runs from source (src/server/paths.ts) and the install directory when it runs from the build
 * (dist/server/paths.js, e.g. /app in the container), so `content/` and `dist/web` are found from either.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${import.meta.dirname}: cannot find the app's root directory`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
