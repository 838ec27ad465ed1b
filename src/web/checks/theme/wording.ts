import type { Item, Theme } from "../../../domain/content/schema.ts";
import type { CheckRound } from "../../api/checks.ts";

/** Whose words a check uses: the professional ones, or those for young people (B1) or employers in a round. */
export type Wording = CheckRound["perspective"];

export const wordingOf = (round: CheckRound | null): Wording => round?.perspective ?? "professional";

export function itemText(item: Item, wording: Wording): string {
  if (wording === "youth") return item.youthText ?? item.text;
  if (wording === "employer") return item.employerText ?? item.text;
  return item.text;
}

export function themeIntro(theme: Theme, wording: Wording): string {
  return wording === "youth" ? (theme.youthIntro ?? theme.intro) : theme.intro;
}

export function themeQuestion(theme: Theme, wording: Wording): string {
  if (wording === "youth") return theme.youthQuestion ?? theme.question;
  if (wording === "employer") return theme.employerQuestion ?? theme.question;
  return theme.question;
}
