import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FleetTable } from './FleetTable.js';

describe('FleetTable', () => {
  it('renders a captioned table with column headers and the given rows in a scrolling box', () => {
    const html = renderToStaticMarkup(
      <FleetTable caption="2 Terminals" columns={['Terminal', 'Zustand']} data-quarantine-terminal="t-01">
        <tr>
          <th scope="row">t-01</th>
          <td>online</td>
        </tr>
      </FleetTable>,
    );
    expect(html).toBe(
      '<div class="fleet-table-scroll" data-quarantine-terminal="t-01"><table class="fleet-table">' +
        '<caption>2 Terminals</caption>' +
        '<thead><tr><th scope="col">Terminal</th><th scope="col">Zustand</th></tr></thead>' +
        '<tbody><tr><th scope="row">t-01</th><td>online</td></tr></tbody></table></div>',
    );
  });
});
