import { useEffect } from 'react';

/** Sets the tab title while a view is shown; screen readers announce it on view changes. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
