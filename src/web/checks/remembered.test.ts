import { describe, expect, it } from "vitest";
import { checkIdFromLink } from "./remembered.ts";

const ID = "EJWe565lNK0fP93rpyPioWaY";

describe("checkIdFromLink", () => {
  it.each([
    [ID, ID],
    [`  ${ID}\n`, ID],
    [`https://verbetertool.nl/check/${ID}`, ID],
    [`http://localhost:3000/check/${ID}/thema/3?x=1#tips-1.1`, ID],
    [`verbetertool.nl/check/${ID}`, ID],
    [`/check/${ID}/tips`, ID],
    [`https://verbetertool.nl/meedoen/antwoorden/${ID}`, ID],
  ])("reads %j as the check id", (input, id) => {
    expect(checkIdFromLink(input)).toBe(id);
  });

  it.each([
    "",
    "hallo",
    "https://verbetertool.nl/",
    "https://verbetertool.nl/check/",
    "https://verbetertool.nl/check/kort",
    `https://verbetertool.nl/kennisbank/${ID}`,
    `https://verbetertool.nl/check/${ID.slice(0, 10)}!${ID.slice(10)}`,
    "http://[::1",
  ])("refuses %j", (input) => {
    expect(checkIdFromLink(input)).toBeNull();
  });
});
