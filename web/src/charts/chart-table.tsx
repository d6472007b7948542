// The figures behind a chart as a table only screen readers see: a canvas has no text of its own.
export function ChartTable({ title, head, rows }: { title?: string; head: string[]; rows: string[][] }) {
  return (
    // The table sits in a clipped box: a table grows to its content whatever its own width says.
    <div class="sr-only">
      <table>
        {title && <caption>{title}</caption>}
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
