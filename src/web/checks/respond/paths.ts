/** Where a check's pages are: a personal check under /check/:id, a respondent's answers in a round under /meedoen. */
export type CheckPaths = {
  resume: string;
  theme(themeId: string): string;
  submit: string;
  done: string;
  scores: string;
  tips: string;
  plan: string;
};

const RESPOND_BASE = "/meedoen/antwoorden";

export function checkPaths(id: string, inRound: boolean): CheckPaths {
  const base = inRound ? `${RESPOND_BASE}/${id}` : `/check/${id}`;
  return {
    resume: base,
    theme: (themeId) => (inRound ? `${base}/${themeId}` : `${base}/thema/${themeId}`),
    submit: `${base}/inleveren`,
    done: `${base}/klaar`,
    scores: `${base}/resultaten`,
    tips: `${base}/tips`,
    plan: inRound ? base : `${base}/plan`,
  };
}

/** The part of a path after the check's base: "thema/2", "inleveren", "" … */
function rest(pathname: string, base: string): string[] {
  return pathname.slice(base.length).split("/").filter(Boolean);
}

/** A round check opened at /check/:id/…: the same page under /meedoen/antwoorden/:id/…. */
export function toRespondPath(id: string, pathname: string): string {
  const paths = checkPaths(id, true);
  const [first, second] = rest(pathname, `/check/${id}`);
  if (first === "thema" && second) return paths.theme(second);
  if (first === "inleveren") return paths.submit;
  if (first === "resultaten") return paths.scores;
  if (first === "tips") return paths.tips;
  return paths.resume;
}

/** A personal check opened at /meedoen/antwoorden/:id/…: the same page under /check/:id/…. */
export function toCheckPath(id: string, pathname: string): string {
  const paths = checkPaths(id, false);
  const [first] = rest(pathname, `${RESPOND_BASE}/${id}`);
  if (!first || first === "inleveren" || first === "klaar") return paths.resume;
  if (first === "resultaten") return paths.scores;
  if (first === "tips") return paths.tips;
  return paths.theme(first);
}
