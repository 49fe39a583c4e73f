import type { ReactNode } from 'react';

export interface FleetTableProps {
  caption: ReactNode;
  columns: readonly string[];
  /** The body rows; each starts with a row header (`<th scope="row">`). */
  children: ReactNode;
  /** data-* attributes for the scrolling box, so tests and styles can tell one table from another. */
  [data: `data-${string}`]: string;
}

/** A console table: captioned, with column headers, in a box that scrolls sideways on small screens. */
export function FleetTable({ caption, columns, children, ...data }: FleetTableProps) {
  return (
    <div className="fleet-table-scroll" {...data}>
      <table className="fleet-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
