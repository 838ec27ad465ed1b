import { describe, expect } from "vitest";
import { test } from "./fixtures.ts";
import { axeViolations, browserAvailable } from "./support.ts";

// Every page test relies on expectAccessible; this proves the check finds violations, so a clean result means something.
describe.skipIf(!browserAvailable)("the accessibility check itself", () => {
  test("reports an image without text, an unnamed button and an unlabelled field", async ({ newPage }) => {
    const page = await newPage("desktop");
    await page.setContent(
      '<!doctype html><html lang="nl"><title>Proef</title><main><h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button><input type="text"></main></html>',
    );
    const ids = (await axeViolations(page)).map((line) => line.split(":")[0]);
    expect(ids).toEqual(expect.arrayContaining(["image-alt", "button-name", "label"]));
  });

  test("reports too little contrast", async ({ newPage }) => {
    const page = await newPage("phone");
    await page.setContent(
      '<!doctype html><html lang="nl"><title>Proef</title><main><h1>Proef</h1><p style="color:#bbb;background:#fff">Lichtgrijze tekst</p></main></html>',
    );
    expect((await axeViolations(page)).map((line) => line.split(":")[0])).toContain("color-contrast");
  });
});
