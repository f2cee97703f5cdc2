/**
 * Each lab card's live picture, a chunk of its own (it runs the lab's core on its default case), so
 * the home page itself stays light; a picture that cannot load leaves its card without one.
 */
import { Component, Suspense, lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

const PICTURES: Record<string, LazyExoticComponent<ComponentType>> = {
  socket: lazy(() => import('./SocketPicture.tsx')),
  netlink: lazy(() => import('./NetlinkPicture.tsx')),
  skb: lazy(() => import('./SkbPicture.tsx')),
  fragment: lazy(() => import('./FragmentPicture.tsx')),
  reassemble: lazy(() => import('./ReassemblePicture.tsx')),
  journey: lazy(() => import('./JourneyPicture.tsx')),
};

/** Shows nothing instead of a picture that failed (offline chunk, a core bug): the card stays. */
class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function LivePicture({ path }: { path: string }) {
  const P = PICTURES[path];
  if (!P) return null;
  return (
    <Quiet>
      <Suspense fallback={<div className="home-pic home-pic--loading" aria-hidden="true" />}>
        <P />
      </Suspense>
    </Quiet>
  );
}
