import type { ReactNode } from 'react';

/** A table's column headers (`<thead>` of `<th scope="col">`), from a list: every table of every lab. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
