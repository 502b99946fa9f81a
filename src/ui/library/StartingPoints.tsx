import { useApp } from '../../store/appContext';
import type { StartingPoint } from '../../store/startingPoints';

const CARDS: readonly { from: StartingPoint; title: string; text: string }[] = [
  {
    from: 'empty',
    title: 'Start from an empty map',
    text: 'Add your mission, the goals that serve it, then the people and what they are measured on.',
  },
  {
    from: 'example',
    title: 'Start from the example map',
    text: 'Northwind Analytics, a SaaS company: its KPI tree, its leaders, what each is rewarded on, and where they clash.',
  },
];

/** Named by all of its text, so what a voice-control user reads out is what it is called. */
function StartCard({ from, title, text }: (typeof CARDS)[number]) {
  const app = useApp();
  return (
    <button
      type="button"
      className={`cg-startcard cg-startcard--${from}`}
      onClick={() => void app.libraryStore.getState().createMap(from)}
    >
      <span className="cg-startcard__icon" aria-hidden="true" />
      <span className="cg-startcard__title">{title}</span>
      <span className="cg-startcard__text">{text}</span>
    </button>
  );
}

/** The two ways to begin a map, offered to new and returning users alike. */
export function StartingPoints() {
  return (
    <section className="cg-library__section" aria-labelledby="cg-start-heading">
      <h2 id="cg-start-heading">Start a new map</h2>
      <div className="cg-startcards">
        {CARDS.map((card) => (
          <StartCard key={card.from} {...card} />
        ))}
      </div>
    </section>
  );
}
