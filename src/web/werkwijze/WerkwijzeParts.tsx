import type { Tool } from "../../domain/content/schema.ts";
import type { Werkwijze } from "../../domain/werkwijze/schema.ts";
import { FactorLinks } from "../app/factors/FactorLinks.tsx";
import { TipText } from "../app/markdown/TipText.tsx";
import {
  Heading3,
  Heading4,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Phase = Werkwijze["phases"][number];
type Method = Werkwijze["basicMethods"][number];
type ToolboxPart = Werkwijze["toolbox"][number];

/** One phase of the guide: its summary and its steps in order. */
export function PhaseStep({ phase, number, tool }: { phase: Phase; number: number; tool: Tool | null }) {
  const { t } = useTranslation();
  const headingId = `fase-${phase.id}`;
  return (
    <li className="phase">
      <div className="phase__intro">
        <Heading3 id={headingId} className="phase__title">
          <span className="phase__number" aria-hidden="true">
            {number}
          </span>
          <span className="visually-hidden">{t("werkwijze.phaseNumber", { number })}: </span>
          <span lang="nl">{phase.title}</span>
        </Heading3>
        <Paragraph lang="nl">
          <TipText text={phase.summary} />
        </Paragraph>
      </div>
      <ol className="step-list" lang="nl" aria-label={t("werkwijze.stepsOf", { title: phase.title })}>
        {phase.steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps of the content never reorder; titles may repeat
          <li key={index} className="step">
            <Heading4 className="step__title">{step.title}</Heading4>
            <p className="step__text">
              <TipText text={step.text} />
            </p>
          </li>
        ))}
      </ol>
      <FactorLinks ids={phase.factors} tool={tool} />
    </li>
  );
}

export function BasicMethod({ method, tool }: { method: Method; tool: Tool | null }) {
  const headingId = `methode-${method.id}`;
  return (
    <section className="werkwijze-part" aria-labelledby={headingId}>
      <Heading3 id={headingId} lang="nl">
        {method.title}
      </Heading3>
      <Paragraph lang="nl">
        <TipText text={method.text} />
      </Paragraph>
      <FactorLinks ids={method.factors} tool={tool} />
    </section>
  );
}

/** A toolbox part: its items, and for personal circumstances the referral table. */
export function ToolboxSection({ part, tool }: { part: ToolboxPart; tool: Tool | null }) {
  const { t } = useTranslation();
  const headingId = `toolbox-${part.id}`;
  return (
    <section className="werkwijze-part" aria-labelledby={headingId}>
      <Heading3 id={headingId} lang="nl">
        {part.title}
      </Heading3>
      <Paragraph lang="nl">
        <TipText text={part.text} />
      </Paragraph>
      {part.items.length > 0 && (
        <ul className="toolbox-items" lang="nl">
          {part.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of the content never reorder; titles may repeat
            <li key={index} className="toolbox-item">
              <Heading4 className="toolbox-item__title">{item.title}</Heading4>
              <p className="toolbox-item__text">
                <TipText text={item.text} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {part.referrals.length > 0 && (
        <Table className="referral-table">
          <TableCaption>{t("werkwijze.referrals.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("werkwijze.referrals.problem")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("werkwijze.referrals.referTo")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody lang="nl">
            {part.referrals.map((referral) => (
              <TableRow key={referral.problem}>
                <TableHeaderCell scope="row">{referral.problem}</TableHeaderCell>
                <TableCell>{referral.referTo}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <FactorLinks ids={part.factors} tool={tool} />
    </section>
  );
}
