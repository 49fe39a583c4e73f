export interface NoticeScreenProps {
  title: string;
  body?: string;
  details?: string[];
}

/** A full-screen notice: not configured yet, content still loading, nothing found. */
export function NoticeScreen({ title, body, details }: NoticeScreenProps) {
  return (
    <main className="kiosk-page kiosk-notice">
      <h1>{title}</h1>
      {body && <p>{body}</p>}
      {details && details.length > 0 && (
        <ul className="kiosk-notice__details">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </main>
  );
}
