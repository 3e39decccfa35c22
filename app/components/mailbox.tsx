import { Fragment } from "react";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});

/** "5 January 2026, 9:05am" */
export const formatDateTime = (iso: string) =>
  dateTime
    .format(new Date(iso))
    .replace(" at ", ", ")
    .replace(/\s?([ap])m$/i, (_, x: string) => `${x.toLowerCase()}m`);

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** An email's plain text as paragraphs, with its web addresses as links. */
export function EmailText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p className="govuk-body app-email-text" key={i}>
          {paragraph.split(URL_PATTERN).map((part, j) =>
            j % 2 === 1 ? (
              <a className="govuk-link" href={part} key={j}>
                {part}
              </a>
            ) : (
              <Fragment key={j}>{part}</Fragment>
            ),
          )}
        </p>
      ))}
    </>
  );
}
