/** The work-from-home request form (kind `wfh`), agents included. */
import { DialogIds } from '../dialogIds';
import { IntakeDialog, type IntakeDeps } from './intakeDialog';

export class WfhDialog extends IntakeDialog {
  constructor(deps: IntakeDeps) {
    super(DialogIds.wfh, 'wfh', deps);
  }
}
