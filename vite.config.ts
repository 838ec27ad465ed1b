import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL("./src/web", import.meta.url));

/**
 * Keeps only the design tokens the app uses. @utrecht/design-tokens declares ~1,250 custom properties on
 * `.utrecht-theme` (every component of the design system, plus a dark and a viewport-scaled variant); the app's CSS
 * reads a few hundred of them. When the token file is loaded in a build, this drops from its rules every custom
 * property that nothing reads with `var()` — no file of the web app (CSS, TS, TSX), no CSS file of a package the
 * app imports, no other kept token — and the rules of theme variants that index.html does not switch on (its <html>
 * classes). It works on the token file itself, before bundling, so the file name's hash covers the result. See
 * docs/decisions/0020-per-component-utrecht-and-dutch-only-web.md.
 */
function pruneDesignTokens(tokenFile: string): Plugin {
  const references = (text: string) => Array.from(text.matchAll(/var\(\s*(--[\w-]+)/g), (m) => m[1] as string);

  /** Every custom property read in the web app's own files and in the package CSS files they import. */
  function readInApp(): Set<string> {
    const used = new Set<string>();
    const require = createRequire(import.meta.url);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(css|tsx?|html)$/.test(entry.name)) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
      for (const name of references(text)) used.add(name);
      for (const [, spec] of text.matchAll(/(?:import|@import)\s+["']([^."'][^"']*\.css)["']/g)) {
        const file = require.resolve(spec as string);
        if (file !== tokenFile) for (const name of references(readFileSync(file, "utf8"))) used.add(name);
      }
    }
    return used;
  }

  return {
    name: "prune-design-tokens",
    apply: "build",
    enforce: "pre",
    transform(css, id) {
      if (id !== tokenFile) return null;
      const themeClasses = new Set(
        (/<html[^>]*\sclass="([^"]*)"/.exec(readFileSync(join(root, "index.html"), "utf8"))?.[1] ?? "").split(/\s+/).filter(Boolean),
      );
      // A variant rule such as `.utrecht-theme--media-query-color-scheme` applies only when <html> has that class.
      const unusedVariant = (selectors: string[]) =>
        selectors.every((s) => /^\.utrecht-theme--[\w-]+$/.test(s) && !themeClasses.has(s.slice(1)));
      const rules = leafRules(css).filter((rule) => !unusedVariant(rule.selectors));
      const tokens = new Map<string, string[]>();
      for (const rule of rules) {
        for (const declaration of rule.declarations) {
          const name = declaration.slice(0, declaration.indexOf(":")).trim();
          tokens.set(name, [...(tokens.get(name) ?? []), ...references(declaration)]);
        }
      }
      const used = readInApp();
      const pending = [...used];
      while (pending.length > 0) {
        for (const ref of tokens.get(pending.pop() as string) ?? []) {
          if (!used.has(ref)) {
            used.add(ref);
            pending.push(ref);
          }
        }
      }
      const keep = (declaration: string) => {
        const name = declaration.slice(0, declaration.indexOf(":")).trim();
        return !name.startsWith("--") || used.has(name);
      };
      // Rebuilt from the kept rules, each inside the at-rules (media queries) around it.
      const out: string[] = [];
      for (const rule of rules) {
        const kept = rule.declarations.filter(keep);
        if (kept.length === 0) continue;
        const block = `${rule.selectorText} {\n  ${kept.join(";\n  ")};\n}`;
        out.push(rule.atRules.reduceRight((inner, atRule) => `${atRule} {\n${inner}\n}`, block));
      }
      return { code: `${out.join("\n")}\n`, map: null };
    },
  };
}

type LeafRule = { atRules: string[]; selectorText: string; selectors: string[]; declarations: string[] };

/** The CSS without comments (outside strings). */
function withoutComments(css: string): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i] as string;
    if (quote) {
      if (c === "\\") {
        out += c + (css[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "/" && css[i + 1] === "*") {
      const close = css.indexOf("*/", i + 2);
      i = close < 0 ? css.length : close + 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** The style rules of a style sheet (not at-rules), each with the at-rules around it and its declarations. */
function leafRules(source: string): LeafRule[] {
  const css = withoutComments(source);
  const rules: LeafRule[] = [];
  const open: string[] = []; // the preludes of the blocks we are in
  let segmentStart = 0;
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") {
      open.push(css.slice(segmentStart, i).trim());
      segmentStart = i + 1;
    } else if (c === "}") {
      const prelude = open.pop() ?? "";
      const body = css.slice(segmentStart, i);
      if (!prelude.startsWith("@") && body.trim() !== "") {
        rules.push({
          atRules: [...open],
          selectorText: prelude,
          selectors: prelude.split(",").map((s) => s.trim()),
          declarations: splitDeclarations(body),
        });
      }
      segmentStart = i + 1;
    } else if (c === ";" && open.length === 0) {
      segmentStart = i + 1; // after a top-level at-rule such as @charset or @import
    }
  }
  return rules;
}

/** The declarations of a rule body, split on semicolons outside strings and parentheses. */
function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === ";" && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Preloads the latin subset of the web font (Noto Sans Variable, loaded by @utrecht/design-tokens' font-family.js).
 * A browser asks for a font only once text that uses it is laid out, which in this client-rendered app is after the
 * JavaScript has run; the text then shows in the fallback font first and moves when the web font swaps in (the
 * layout shift Lighthouse measured on the landing page). With a preload the font loads next to the scripts and is
 * there at the first render. Vite does not preload fonts that CSS refers to, and the file name has a content hash,
 * so this adds the link to the built index.html from the bundle. Only the latin subset: the app's Dutch text needs no
 * other (the other subsets still load by unicode-range if a page ever uses their characters).
 */
function preloadFont(fileName: string): Plugin {
  let base = "/";
  return {
    name: "preload-font",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const font = Object.values(context.bundle ?? {}).find(
          (output) => output.type === "asset" && output.originalFileNames.some((name) => name.endsWith(`/${fileName}`)),
        );
        if (!font) throw new Error(`preload-font: ${fileName} is not in the bundle (did the font package change?)`);
        return [
          {
            tag: "link",
            attrs: { rel: "preload", href: `${base}${font.fileName}`, as: "font", type: "font/woff2", crossorigin: true },
            injectTo: "head",
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    react(),
    pruneDesignTokens(createRequire(import.meta.url).resolve("@utrecht/design-tokens/dist/index.css")),
    preloadFont("noto-sans-latin-wght-normal.woff2"),
  ],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
