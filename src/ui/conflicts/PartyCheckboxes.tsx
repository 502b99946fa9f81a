import type { StakeholderId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';

/** A fieldset of every stakeholder with a checkbox; `value` keeps the order people were ticked. */
export function PartyCheckboxes({
  doc,
  legend,
  value,
  onChange,
}: {
  doc: MapDocument;
  legend: string;
  value: readonly StakeholderId[];
  onChange: (next: StakeholderId[]) => void;
}) {
  return (
    <fieldset className="cg-party-boxes">
      <legend>{legend}</legend>
      {doc.stakeholders.map((s) => {
        const checked = value.includes(s.id);
        return (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={checked}
              onChange={() => {
                onChange(checked ? value.filter((p) => p !== s.id) : [...value, s.id]);
              }}
            />
            <span className="cg-swatch" style={{ background: s.color }} aria-hidden="true" />
            <span>{s.name}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
