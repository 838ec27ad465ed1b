/**
 * The V8 flags the server runs with in production — `npm start` and the image's CMD — and wherever its start is
 * measured or tested as in production (bench, Lighthouse, multi-process tests). A 4 MB young-generation semi-space
 * instead of V8's 16 MB: the embedded database server idled at 233–280 MB RSS with the default, 213–228 MB with this,
 * at no CPU cost per request that the bench could see (decision 0045). e2e/production.test.ts checks every copy.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=4"] as const;
