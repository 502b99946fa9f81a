import { describe, expect, it } from 'vitest';
import { BUDGET_KB, CEILING_KB, overBudget } from '../../bench/budget';

const KB = 1024;

describe('overBudget (the guard in npm test on what the first map waits on)', () => {
  it('passes a first map that waits on exactly the budget', () => {
    expect(overBudget([{ name: 'index.js', gzip: BUDGET_KB * KB }], [], [])).toBeNull();
  });

  it('fails one byte past it, naming the files, packages and modules that take the space', () => {
    const problem = overBudget(
      [
        { name: 'index.js', gzip: 195 * KB },
        { name: 'index.css', gzip: 5 * KB + 1 },
      ],
      [
        { name: 'react-dom', gzip: 59 * KB },
        { name: 'src/ui', gzip: 9 * KB },
      ],
      [
        { name: 'src/ui/Small.tsx', gzip: 100 },
        { name: 'src/ui/BigPanel.tsx', gzip: 3 * KB },
      ],
    );
    expect(problem).toContain('waits on 200.0 KB gzip, 0.0 KB over its 200 KB budget');
    expect(problem).toContain('Files: index.js 195.0 KB, index.css 5.0 KB.');
    expect(problem).toContain('Largest packages: react-dom 59.0 KB, src/ui 9.0 KB.');
    expect(problem).toMatch(
      /Largest modules of our own: src\/ui\/BigPanel.tsx 3.0 KB, src\/ui\/Small/,
    );
  });

  it('holds the build to its ceiling: what it measured may not grow', () => {
    const screen = [{ name: 'index.js', gzip: CEILING_KB * KB }];
    expect(overBudget(screen, [], [], CEILING_KB)).toBeNull();
    expect(
      overBudget([{ name: 'index.js', gzip: CEILING_KB * KB + 1 }], [], [], CEILING_KB),
    ).toContain(`over its ${CEILING_KB} KB budget`);
  });
});
