/** The rows a list table shows while it loads, or when nothing matched; one look for every list. */
export function ListStatusRows({ pending, empty, columns, loadingText, emptyText, emptyTestId }: {
  pending: boolean;
  empty: boolean;
  columns: number;
  loadingText: string;
  emptyText: string;
  emptyTestId: string;
}) {
  return (
    <>
      {pending && (
        <tr>
          <td colSpan={columns} className="empty">
            {loadingText}
          </td>
        </tr>
      )}
      {empty && (
        <tr>
          <td colSpan={columns} className="empty" data-testid={emptyTestId}>
            {emptyText}
          </td>
        </tr>
      )}
    </>
  );
}
