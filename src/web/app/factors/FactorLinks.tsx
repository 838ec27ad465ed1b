import "./factor-links.css";
import { useId } from "react";
import type { Tool } from "../../../domain/content/schema.ts";
import { AppLink } from "../links.tsx";
import { factorIndex, shorten } from "./factorIndex.ts";
import { useTranslation } from "./i18n.ts";

/** "Helpt bij factoren": compact links to the factor pages, with the start of each factor's text. */
export function FactorLinks({ ids, tool }: { ids: string[]; tool: Tool | null }) {
  const { t } = useTranslation();
  const labelId = useId();
  const index = tool ? factorIndex(tool) : null;
  return (
    <div className="factor-links">
      <p id={labelId} className="factor-links__label">
        {t("werkwijze.helpsWith")}
      </p>
      <ul className="factor-links__list" aria-labelledby={labelId}>
        {ids.map((id) => {
          const text = index?.get(id)?.item.text;
          return (
            <li key={id}>
              <AppLink to={`/factoren/${id}`}>
                <span className="factor__number">{id}</span>
                {text && <span lang="nl"> {shorten(text, 70)}</span>}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
