import { describe, expect, it } from 'vitest';
import { resolveImage, type ResolvedImage } from './resolve';
import { planContainerRun } from './runPlan';

describe('planContainerRun with a shell entrypoint', () => {
  it("runs the image's own server when the script is a program k8sim does not model (the bootcamp's `sh -c 'node server.js'`)", () => {
    const bootcamp = resolveImage('gcr.io/google-samples/kubernetes-bootcamp:v1') as ResolvedImage;
    expect(planContainerRun(bootcamp).behavior).toMatchObject({ mode: 'serve', ports: [{ port: 8080 }] });
  });

  it('still models the scripts it understands', () => {
    const busybox = resolveImage('busybox:1.36') as ResolvedImage;
    expect(planContainerRun(busybox, { command: ['sh', '-c', 'echo hi; exit 3'] }).behavior).toMatchObject({ mode: 'exit', exitCode: 3 });
    expect(planContainerRun(busybox, { command: ['sh', '-c', 'touch /tmp/healthy'] }).behavior).toMatchObject({ mode: 'exit', exitCode: 0 });
  });
});
