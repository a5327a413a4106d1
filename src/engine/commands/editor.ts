// The person at the keyboard while a full-screen editor runs. A terminal simulation cannot show
// vi, so whoever drives the cluster supplies what gets saved: a scenario step's `editor` texts
// (recorded by the app, or written by a trainer), or, in the app, the editor dialog the learner
// types into. Replaying the step's texts gives the same run, byte for byte.
import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';

/**
 * Editor answers one editing session: given the file and its text, the text saved, or null when
 * the editor quit without saving (`:q!`).
 */
export type Editor = (path: string, text: string) => Future<string | null>;

/**
 * recordedEditor answers with `saved` in order; once they run out, `live` (the app's dialog)
 * answers, or the editor quits without saving. Each answer lands in its own sim event at the
 * time the editor opened (editing takes no sim time), so a recorded answer and a live one, which
 * the app gives after pausing the clock at that event, resume the command at the same point.
 */
export function recordedEditor(sim: Simulator, saved: ReadonlyArray<string | null>, live?: Editor): Editor {
  let next = 0;
  return (path, text) => {
    const answer = new Future<string | null>();
    sim.after(0, () => {
      if (next < saved.length) answer.resolve(saved[next++]);
      else if (live) live(path, text).then((t) => answer.resolve(t));
      else answer.resolve(null);
    });
    return answer;
  };
}

/** stepEditor is a scenario step's `editor` as recorded saves (a single text is one save). */
export function stepEditor(sim: Simulator, saved: string | ReadonlyArray<string | null> | undefined, live?: Editor): Editor {
  return recordedEditor(sim, saved === undefined ? [] : typeof saved === 'string' ? [saved] : saved, live);
}
