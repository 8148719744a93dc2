/** Keyboard commands declared in the manifest (wxt.config.ts `commands`). */
import { opinionHighlight } from '../settings';

/** Handle a command; true when it was ours. `toggle-opinion` flips the opinionHighlight setting. */
export async function handleCommand(command: string): Promise<boolean> {
  if (command !== 'toggle-opinion') return false;
  await opinionHighlight.setValue(!(await opinionHighlight.getValue()));
  return true;
}
