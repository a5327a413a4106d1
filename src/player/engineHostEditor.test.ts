import { describe, expect, it } from 'vitest';
import { EngineHost } from './engineHost';
import { defaultSession } from './session';

function host(session = defaultSession()): EngineHost {
  const created = EngineHost.create(session);
  if (!created.ok) throw new Error(created.error);
  return created.host;
}

describe('EngineHost: an editor opened by a command (kubectl edit, vi)', () => {
  it('stops the clock until the learner saves, records the save in the step, and replays it identically', () => {
    const h = host();
    h.advanceTo(1_000);
    h.submit('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    h.advanceTo(20_000);
    h.submit('kubectl edit deployment web');
    h.advanceTo(25_000);
    const file = h.editingFile;
    expect(file?.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(file?.text).toMatch(/^# Please edit the object below\./);
    // kubectl's GET took a few ms; from the editor's opening on, time stands still.
    const opened = h.nowMs;
    expect(opened).toBeLessThan(20_100);
    h.advanceTo(30_000);
    expect(h.nowMs).toBe(opened);
    expect(h.busy).toBe(true);

    h.answerEdit(file!.text.replace('image: nginx:1.25', 'image: nginx:1.26'));
    expect(h.editingFile).toBeUndefined();
    h.advanceTo(60_000);
    const edit = h.entries.find((e) => e.run === 'kubectl edit deployment web');
    expect(edit).toMatchObject({ output: 'deployment.apps/web edited\n', exit: 0 });
    const step = h.file.spec.steps[1];
    expect(step.editor).toHaveLength(1);
    expect(step.editor?.[0]).toContain('image: nginx:1.26');

    const replay = host(h.file);
    replay.advanceTo(60_000);
    expect(replay.editingFile).toBeUndefined();
    expect(replay.entries.map((e) => e.output)).toEqual(h.entries.map((e) => e.output));
    expect(replay.liveView()).toEqual(h.liveView());
  });

  it('Ctrl-C in the editor quits it without saving, and the edit is cancelled', () => {
    const h = host();
    h.advanceTo(1_000);
    h.submit('kubectl create deployment web --image=nginx:1.25');
    h.advanceTo(5_000);
    h.submit('kubectl edit deploy/web');
    h.advanceTo(6_000);
    expect(h.editingFile).toBeDefined();
    h.interrupt();
    h.advanceTo(7_000);
    expect(h.entries[1]).toMatchObject({ output: 'Edit cancelled, no changes made.\n', exit: 0 });
    expect(h.file.spec.steps[1].editor).toEqual([null]);
  });
});
