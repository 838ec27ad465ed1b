import type { ReactNode } from "react";
import { PageHeading } from "../PageHeading.tsx";
import { Heading2, Paragraph } from "../utrecht.tsx";
import "./sections-page.css";

export type PageSection = { id: string; title: string; body: ReactNode };

/**
 * A long text page in sections with a table of contents on top (privacy, accessibility statement): each section a
 * labelled landmark whose heading takes focus when its contents link is followed.
 */
export function SectionsPage({
  title,
  intro,
  tocId,
  tocTitle,
  sections,
  children,
}: {
  title: string;
  intro: ReactNode;
  /** Id of the contents heading (unique on the page). */
  tocId: string;
  tocTitle: string;
  sections: PageSection[];
  /** After the last section (e.g. when the page was last changed). */
  children?: ReactNode;
}) {
  return (
    <div className="page-section sections-page">
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{intro}</Paragraph>
      <nav aria-labelledby={tocId} className="sections-page__toc">
        <h2 id={tocId} className="sections-page__toc-title">
          {tocTitle}
        </h2>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="utrecht-link utrecht-link--html-a">
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <Heading2 id={section.id} tabIndex={-1}>
            {section.title}
          </Heading2>
          {section.body}
        </section>
      ))}
      {children}
    </div>
  );
}
