import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { firstOpenTheme, useCheck } from "../CheckContext.ts";
import { wordingOf } from "../theme/wording.ts";
import { checkPaths } from "./paths.ts";

/**
 * `/meedoen/antwoorden/:id`: continue at the first theme with open questions, at "Inleveren" when everything is
 * answered, or at the thanks page once handed in.
 */
export function RespondResume() {
  const { id, tool, answers, submittedAt } = useCheck();
  const paths = checkPaths(id, true);
  const open = firstOpenTheme(tool, answers);
  if (submittedAt) return <Navigate replace to={paths.done} />;
  return <Navigate replace to={open ? paths.theme(open) : paths.submit} />;
}

/**
 * Own scores and tips in a round are for professionals, once they handed in; everyone else goes back to where they are
 * (the thanks page shows young people their own scores).
 */
export function ProfessionalAfterHandIn({ children }: { children: ReactNode }) {
  const { round, submittedAt } = useCheck();
  if (wordingOf(round) === "professional" && submittedAt) return children;
  return <RespondResume />;
}
