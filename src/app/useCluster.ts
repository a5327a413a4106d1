import { useEffect, useRef, useState } from 'react';
import { Cluster } from '../engine/cluster';
import { clusterSpec, nodesFromCount } from '../engine/clusterSpec';
import { DEFAULT_COMPONENTS } from '../engine/components';

/**
 * useCluster runs one simulated cluster in the page, advancing sim time with wall time (1×).
 * Issue #5 moves the engine into a Web Worker behind the timeline player.
 */
export function useCluster(): { cluster: Cluster | undefined; nowMs: number } {
  const clusterRef = useRef<Cluster | undefined>(undefined);
  const [nowMs, setNowMs] = useState(0);
  useEffect(() => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(3), etcdMembers: 3 }), DEFAULT_COMPONENTS);
    clusterRef.current = cluster;
    const startedWall = performance.now();
    let frame = requestAnimationFrame(function tick() {
      cluster.runUntil(Math.floor(performance.now() - startedWall));
      setNowMs(cluster.sim.nowMs);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return { cluster: clusterRef.current, nowMs };
}
