/**
 * Writes to the workspace one after another (save, autosave), so an older draft can never land
 * after a newer save and bring back a draft the save cleared.
 */
let tail: Promise<unknown> = Promise.resolve();

export function inTurn<Result>(write: () => Promise<Result>): Promise<Result> {
  const result = tail.then(write, write);
  tail = result.catch(() => undefined);
  return result;
}
