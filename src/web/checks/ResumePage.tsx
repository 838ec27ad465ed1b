import { Navigate } from "react-router";
import { firstOpenTheme, useCheck } from "./CheckContext.ts";

/**
 * `/check/:id`: continue at the first theme with open factors, or at the scores when all are answered. A respondent in
 * a measurement round goes to "Inleveren" instead, and to the scores once handed in.
 */
export function ResumePage() {
  const { id, tool, answers, round, submittedAt } = useCheck();
  const open = firstOpenTheme(tool, answers);
  if (round && submittedAt) return <Navigate replace to={`/check/${id}/resultaten`} />;
  if (round && !open) return <Navigate replace to={`/check/${id}/inleveren`} />;
  return <Navigate replace to={open ? `/check/${id}/thema/${open}` : `/check/${id}/resultaten`} />;
}
