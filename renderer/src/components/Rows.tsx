import { useEffect, useRef, useState, type ReactNode } from 'react';
import { focusUnlessBusy } from '../lib/focus';
import type { RowEntity } from '../../../shared/domain/record';
import { useApp } from '../state/context';
import { ConfirmButton } from './ConfirmButton';
import { rowDomId } from '../lib/findings';

const FIRST_CONTROL = 'input, select, textarea, [role="radio"][tabindex="0"], [role="checkbox"]';

/**
 * Sends the focus to the first entry of a row once it is on screen (a row just added): call
 * the answer with the new row's id; the focus moves after the next render that shows it.
 */
export function useFocusRow(entity: string): (id: string) => void {
  const pending = useRef<string | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!pending.current) return;
    const el = document.getElementById(rowDomId(entity, pending.current));
    if (!el) return;
    pending.current = null;
    focusUnlessBusy(el.querySelector<HTMLElement>(FIRST_CONTROL));
  });
  return (id: string) => {
    pending.current = id;
    rerender((n) => n + 1);
  };
}

export interface RowsProps<R extends { id: string; seq: number }> {
  entity: RowEntity;
  parentId: string;
  rows: readonly R[];
  /** "goal": the rows read "Goal 1", the buttons "Add goal" and "Remove goal". */
  itemName: string;
  /** Shown when there is no row yet. */
  empty: ReactNode;
  /** Fields to fill in a new row (visible at once; only settings, never observations). */
  initial?: () => Record<string, unknown>;
  /** A line under the add button saying what a new row starts with. */
  addNote?: ReactNode;
  /** DOM id of the add button (findings about the list as a whole take the focus there). */
  addDomId?: string;
  render(row: R): ReactNode;
  /** Something beside the row's title (a derived value). */
  aside?(row: R): ReactNode;
}

/** A list of rows of one entity (goals, team members, devices…), each with its fields, plus add and remove. */
export function Rows<R extends { id: string; seq: number }>(props: RowsProps<R>) {
  const { entity, parentId, rows, itemName, empty, initial, addNote, addDomId, render, aside } = props;
  const addRow = useApp((s) => s.addRow);
  const deleteRow = useApp((s) => s.deleteRow);
  const focusRow = useFocusRow(entity);
  const Name = itemName.charAt(0).toUpperCase() + itemName.slice(1);

  async function onAdd() {
    await addRow(entity, parentId, initial?.(), focusRow);
  }

  return (
    <div className="rows">
      {rows.length === 0 ? <p className="empty">{empty}</p> : null}
      {rows.map((row) => (
        <div key={row.id} className="row-card" id={rowDomId(entity, row.id)} data-testid={`${entity}-${row.seq}`} role="group" aria-label={`${Name} ${row.seq}`}>
          <div className="row-head">
            <span className="row-title">
              {Name} {row.seq}
            </span>
            {aside ? <span className="row-aside">{aside(row)}</span> : null}
            <ConfirmButton label={`Remove ${itemName}`} confirmLabel={`Press again to remove ${itemName} ${row.seq}`} onConfirm={() => void deleteRow(entity, row.id)} />
          </div>
          <div className="form-grid">{render(row)}</div>
        </div>
      ))}
      <div className="add-line">
        <button type="button" id={addDomId} className="button" onClick={() => void onAdd()}>
          Add {itemName}
        </button>
        {addNote ? <span className="muted small">{addNote}</span> : null}
      </div>
    </div>
  );
}
