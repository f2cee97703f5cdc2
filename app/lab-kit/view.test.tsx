import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  Control,
  FULL_VIEW,
  EmbedControlsProvider,
  EmbedViewProvider,
  Part,
  parseEmbedView,
  showsControl,
  showsPart,
} from './view.tsx';

describe('embed views', () => {
  it('reads view= and controls=, bounded, and falls back to full', () => {
    expect(parseEmbedView('view=diagram&controls=len,%20mtu,,')).toEqual({
      view: 'diagram',
      controls: ['len', 'mtu'],
      autoplay: false,
      loop: false,
    });
    expect(parseEmbedView('autoplay=1&loop=true')).toMatchObject({ autoplay: true, loop: true });
    expect(parseEmbedView('autoplay=0&loop=false')).toMatchObject({ autoplay: false, loop: false });
    expect(parseEmbedView('view=poster')).toEqual(FULL_VIEW);
    expect(parseEmbedView(`controls=${'a,'.repeat(100)}`).controls).toHaveLength(16);
    expect(parseEmbedView(`controls=${'x'.repeat(40)},len`).controls).toEqual(['len']);
  });
  it('shows fewer parts in compact and diagram views', () => {
    const c = { ...FULL_VIEW, view: 'compact' } as const;
    const d = { ...FULL_VIEW, view: 'diagram' } as const;
    expect(showsPart(c, 'diagram') && showsPart(c, 'result') && !showsPart(c, 'steps')).toBe(true);
    expect(showsPart(d, 'diagram') && showsPart(d, 'playback') && !showsPart(d, 'result')).toBe(true);
    expect(showsControl(c, 'len', ['len', 'mtu'])).toBe(true);
    expect(showsControl(c, 'df', ['len', 'mtu'])).toBe(false);
    expect(showsControl(d, 'len', ['len'])).toBe(false);
    expect(showsControl({ ...FULL_VIEW, view: 'diagram', controls: ['mtu'] }, 'mtu')).toBe(true);
    expect(showsControl({ ...FULL_VIEW, controls: [] }, 'anything')).toBe(true);
  });
  it('Part and Control render by the view in context', () => {
    render(
      <EmbedViewProvider value={{ ...FULL_VIEW, view: 'compact' }}>
        <EmbedControlsProvider value={['len']}>
          {(['diagram', 'tables'] as const).map((kind) => (
            <Part key={kind} kind={kind}>
              <p>part {kind}</p>
            </Part>
          ))}
          {['len', 'mtu'].map((name) => (
            <Control key={name} name={name}>
              <p>{name} input</p>
            </Control>
          ))}
        </EmbedControlsProvider>
      </EmbedViewProvider>,
    );
    expect(screen.queryByText('part diagram')).not.toBeNull();
    expect(screen.queryByText('part tables')).toBeNull();
    expect(screen.queryByText('len input')).not.toBeNull();
    expect(screen.queryByText('mtu input')).toBeNull();
  });
});
