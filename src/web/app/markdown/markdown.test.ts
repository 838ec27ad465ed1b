import { describe, expect, it } from "vitest";
import { isSafeHref, parseInline } from "./markdown.ts";

describe("links in the light Markdown of tips", () => {
  it("accepts web and mail addresses and paths on this site", () => {
    for (const href of ["https://www.transvorm.org", "mailto:info@example.nl", "/werkwijze#toolbox-netwerk"])
      expect(isSafeHref(href), href).toBe(true);
  });

  it("refuses scripts, data and other hosts written without a scheme", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", "//evil.example", "/\\evil.example", "werkwijze"]) {
      expect(isSafeHref(href), href).toBe(false);
    }
  });

  it("makes a site path in a tip a link", () => {
    expect(parseInline("Lees [Vooraf](/werkwijze#fase-vooraf).")).toContainEqual({
      type: "link",
      href: "/werkwijze#fase-vooraf",
      label: "Vooraf",
    });
  });
});
