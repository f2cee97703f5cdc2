/**
 * The core stays framework-free (DESIGN.md): ESLint refuses React, zustand, DOM-owning d3 and
 * anything from app/ under core/. This test proves the rule fires, so it cannot silently rot.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('core/ import boundary', () => {
  it.each([
    "import { useState } from 'react';",
    "import { create } from 'zustand';",
    "import { select } from 'd3-selection';",
    "import 'd3-transition';",
    "import { FragmentLab } from '../../app/labs/Fragment/FragmentLab.tsx';",
  ])(
    'refuses %s in core/',
    async (code) => {
      expect(await restricted(`${code}\nexport const x = 1;\n`, 'core/ip/example.ts')).toHaveLength(1);
    },
    30_000,
  );

  it('allows pure d3 maths in core/ and React in app/', async () => {
    expect(
      await restricted(
        "import { scaleLinear } from 'd3-scale';\nexport const s = scaleLinear();\n",
        'core/ip/example.ts',
      ),
    ).toEqual([]);
    expect(
      await restricted("import { useState } from 'react';\nexport const u = useState;\n", 'app/example.ts'),
    ).toEqual([]);
  }, 30_000);
});
