import type { ReactNode } from 'react';

interface Props {
  /** The heading's id: the section is named by it, and so is a form that labels itself with it. */
  readonly titleId: string;
  readonly title: string;
  /** A line under the heading; a section without one puts its words in the card. */
  readonly note?: ReactNode;
  readonly children: ReactNode;
}

/** One section of the settings view: a level-3 heading, an optional note, then its card. */
export function SettingsSection({ titleId, title, note, children }: Props) {
  const heading = (
    <h3 id={titleId} className="section-title">
      {title}
    </h3>
  );
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      {note ? (
        <div className="section-head">
          <div>
            {heading}
            <p className="section-note">{note}</p>
          </div>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
