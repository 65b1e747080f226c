import { estimateAmounts, lineAmount } from '@sss/contracts/project/estimate-amounts';
import { TAX_CATEGORIES } from '@sss/contracts/project/estimate-schemas';
import { taxCategoryLabels } from '../i18n/codes.ts';
import { emptyLine, parsedLines, type EstimateForm, type LineForm } from './estimateForm.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';

interface Props {
  form: EstimateForm;
  errors: Record<string, string>;
  readOnly: boolean;
  onLines: (lines: LineForm[]) => void;
}

/** 明細: 作業項目・数量・単位・単価・税区分, amounts and tax per rate as the person types (contracts' `estimateAmounts`). */
export function EstimateLinesEditor({ form, errors, readOnly, onLines }: Props) {
  const text = useLabels(projectLabels);
  const taxCategory = useLabels(taxCategoryLabels);
  const lines = parsedLines(form);
  const amounts = estimateAmounts(lines);
  const set = (i: number, change: Partial<LineForm>) => onLines(form.lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const amountOf = (i: number) => {
    const [line] = parsedLines({ ...form, lines: [form.lines[i]!] });
    return line ? formatYen(lineAmount(line)) : '—';
  };
  const cell = (i: number, key: 'workItem' | 'quantity' | 'unit' | 'unitPrice', num = false) => (
    <td>
      <input
        className={num ? 'num' : undefined}
        data-testid={`line-${i}-${key}`}
        aria-label={text('lineLabel', { row: i + 1, field: text(key) })}
        aria-invalid={Boolean(errors[`lines.${i}.${key}`])}
        value={form.lines[i]![key]}
        readOnly={readOnly}
        onChange={(e) => set(i, { [key]: e.target.value })}
      />
      {errors[`lines.${i}.${key}`] && (
        <div className="field-error" data-testid={`error-lines.${i}.${key}`}>
          {errors[`lines.${i}.${key}`]}
        </div>
      )}
    </td>
  );
  return (
    <div className="table-wrap">
      <table className="table compact estimate-lines" data-testid="estimate-lines">
        <thead>
          <tr>
            <th>{text('workItem')}</th>
            <th className="num">{text('quantity')}</th>
            <th>{text('unit')}</th>
            <th className="num">{text('unitPrice')}</th>
            <th>{text('taxCategory')}</th>
            <th className="num">{text('amount')}</th>
            {!readOnly && <th />}
          </tr>
        </thead>
        <tbody>
          {form.lines.map((line, i) => (
            <tr key={i} data-testid="estimate-line">
              {cell(i, 'workItem')}
              {cell(i, 'quantity', true)}
              {cell(i, 'unit')}
              {cell(i, 'unitPrice', true)}
              <td>
                <select data-testid={`line-${i}-taxCategory`} value={line.taxCategory} disabled={readOnly} onChange={(e) => set(i, { taxCategory: e.target.value as LineForm['taxCategory'] })}>
                  {TAX_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {taxCategory(c)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num" data-testid={`line-${i}-amount`}>
                {amountOf(i)}
              </td>
              {!readOnly && (
                <td>
                  <button type="button" className="button small ghost" data-testid={`line-${i}-remove`} disabled={form.lines.length <= 1} onClick={() => onLines(form.lines.filter((_, j) => j !== i))}>
                    {text('removeResource')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {amounts.byRate.map((r) => (
            <tr key={r.taxCategory}>
              <th colSpan={5}>
                {text('taxableOf', { category: taxCategory(r.taxCategory), amount: formatYen(r.subtotal) })}
              </th>
              <td className="num">{formatYen(r.tax)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={5}>{text('subtotal')}</th>
            <td className="num" data-testid="estimate-subtotal">
              {formatYen(amounts.subtotal)}
            </td>
          </tr>
          <tr>
            <th colSpan={5}>{text('tax')}</th>
            <td className="num" data-testid="estimate-tax">
              {formatYen(amounts.tax)}
            </td>
          </tr>
          <tr>
            <th colSpan={5}>{text('total')}</th>
            <td className="num" data-testid="estimate-total">
              {formatYen(amounts.total)}
            </td>
          </tr>
        </tfoot>
      </table>
      {!readOnly && (
        <button type="button" className="button small" data-testid="line-add" disabled={form.lines.length >= 50} onClick={() => onLines([...form.lines, emptyLine()])}>
          {text('addLine')}
        </button>
      )}
    </div>
  );
}
