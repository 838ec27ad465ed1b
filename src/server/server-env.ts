/**
 * The environment the server's process starts with wherever it runs as in production — `npm start`, the image, and
 * wherever its start is measured or tested as in production (bench, Lighthouse, multi-process tests);
 * e2e/production.test.ts checks every copy. glibc serves an allocation of 128 kB or more with a mapping of its own,
 * returned when freed; by default it raises that threshold (up to 32 MB) each time such a block is freed, after which
 * start-up's large temporary blocks (PGlite's WebAssembly and data, file reads) stay in its heaps once freed. Fixed at
 * 128 kB the embedded server idles 30–40 MB lower, which leaves room for V8's default young generation (decision
 * 0050). The server does not depend on it: started without it, it only uses more memory.
 */
export const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" } as const;

/** SERVER_ENV as `NAME=value` words, for a shell command or a Dockerfile's ENV. */
export const SERVER_ENV_WORDS = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);
