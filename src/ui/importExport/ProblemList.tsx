import { formatProblemLine, type ImportProblem } from '../../io/problems';

/** A long list of problems is cut here; the first ones are what the user fixes first anyway. */
const MAX_PROBLEMS_SHOWN = 50;

/** Each problem as `<file name>: <where>: <what>` (as the command line prints it), so a copied list still says where it came from. */
export function ProblemList({
  fileName,
  problems,
}: {
  readonly fileName: string;
  readonly problems: readonly ImportProblem[];
}) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const hidden = problems.length - shown.length;
  return (
    <ul className="cg-problems">
      {shown.map((p, i) => (
        <li key={i}>{`${fileName}: ${formatProblemLine(p)}`}</li>
      ))}
      {hidden > 0 && <li>{`…and ${hidden} more`}</li>}
    </ul>
  );
}
