import { useApp } from '../../store/appContext';
import { unlinkGoals } from '../../domain/commands';
import type { Link, MapDocument } from '../../domain/model';
import { applyEdit } from '../../store/applyEdit';
import { EditButton } from '../fields';

/** A "contributes to" link: what it joins, and a way to undo it. */
export function LinkInspector({ link, doc }: { link: Link; doc: MapDocument }) {
  const app = useApp();
  const title = (id: string) => doc.goals.find((g) => g.id === id)?.title ?? id;
  return (
    <section aria-label="Link details" className="cg-inspector">
      <h2>Link</h2>
      <p>
        “{title(link.from)}” contributes to “{title(link.to)}”.
      </p>
      <EditButton danger onClick={() => applyEdit(app, (d) => unlinkGoals(d, { linkId: link.id }))}>
        Unlink
      </EditButton>
    </section>
  );
}
