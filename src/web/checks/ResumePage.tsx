import { Navigate } from "react-router";
import { firstOpenTheme, useCheck } from "./CheckContext.ts";

/** `/check/:id`: continue at the first theme with open factors, or at the scores when all are answered. */
export function ResumePage() {
  const { id, tool, answers } = useCheck();
  const open = firstOpenTheme(tool, answers);
  return <Navigate replace to={open ? `/check/${id}/thema/${open}` : `/check/${id}/resultaten`} />;
}
