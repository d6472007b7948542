// The preview of a form as its XLSX file will be: the title, the headers, the column numbers, the rows with
// the area headings and subtotals in bold, and the totals. `editCell` lets a screen put an editor in a row.
import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import type { formTableBody } from '../../../../../server/monitoring/forms-schemas.ts';

export type FormTable = z.output<typeof formTableBody>;
type Cell = string | number | null;

const show = (v: Cell | undefined) => (typeof v === 'number' ? v.toLocaleString('ru-RU', { maximumFractionDigits: 1 }) : (v ?? ''));

export function FormPreview({ table, editCell }: { table: FormTable; editCell?(rowId: number, column: number): ComponentChildren | undefined }) {
  const width = table.columns.length;
  return (
    <div class="table-wrap form-preview">
      {table.title && <p class="form-title">{table.title}</p>}
      <table class="data" data-testid="form-preview">
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i}>{c.header}</th>
            ))}
          </tr>
          {table.subheader && (
            <tr>
              {table.subheader.map((c, i) => (
                <th key={i}>{show(c)}</th>
              ))}
            </tr>
          )}
        </thead>
        <tbody>
          {table.rows.map((row, r) => {
            const kind = table.kinds[r];
            const id = table.rowIds[r];
            if (kind === 'section') {
              return (
                <tr key={r} class="form-section">
                  <td colSpan={width}>
                    <strong>{show(row[0])}</strong>
                  </td>
                </tr>
              );
            }
            return (
              <tr key={r} class={kind === 'subtotal' ? 'form-subtotal' : ''} data-row={id ?? undefined}>
                {table.columns.map((_, c) => (
                  <td key={c}>{(id != null && editCell?.(id, c)) || show(row[c])}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {table.footer.map((row, r) => (
            <tr key={r} class="form-subtotal">
              {row.length === 1 ? <td colSpan={width}>{show(row[0])}</td> : table.columns.map((_, c) => <td key={c}>{show(row[c])}</td>)}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
